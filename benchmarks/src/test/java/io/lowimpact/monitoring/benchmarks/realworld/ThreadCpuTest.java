package io.lowimpact.monitoring.benchmarks.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void threadsAreSortedByTheNamesHotSpotGivesThem() {
        assertEquals("main", ThreadCpu.kind(true, "C2 CompilerThre"));
        assertEquals("jit", ThreadCpu.kind(false, "C2 CompilerThre"));
        assertEquals("jit", ThreadCpu.kind(false, "C1 CompilerThre"));
        assertEquals("gc", ThreadCpu.kind(false, "GC Thread#1"));
        assertEquals("gc", ThreadCpu.kind(false, "G1 Conc#0"));
        assertEquals("other", ThreadCpu.kind(false, "VM Thread"));
        assertEquals("other", ThreadCpu.kind(false, "java"));
    }

    @Test
    void theCallersShareIsItsOwnCpuTime() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux's /proc");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long x = 0;
        long end = threads.getCurrentThreadCpuTime() + 200_000_000L;
        while (threads.getCurrentThreadCpuTime() < end) {
            x += System.nanoTime() & 1;
        }
        long before = threads.getCurrentThreadCpuTime();
        Map<String, Long> kinds = ThreadCpu.byKind();
        long after = threads.getCurrentThreadCpuTime();
        assertEquals(ThreadCpu.KINDS, java.util.List.copyOf(kinds.keySet()));
        // /proc counts in 10 ms ticks: the caller's share is its own CPU time to within a tick or two
        assertTrue(kinds.get("main") >= before - 20_000_000L && kinds.get("main") <= after + 20_000_000L,
                kinds + " against " + before + "-" + after + " (" + x + ")");
    }
}
