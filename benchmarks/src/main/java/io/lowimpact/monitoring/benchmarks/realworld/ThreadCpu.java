package io.lowimpact.monitoring.benchmarks.realworld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads by kind, from Linux's {@code /proc/self/task/*}: the calling thread (javac's),
 * the JIT compiler threads, the garbage collector's, and the rest (the tool's threads, the VM thread, JFR). On two
 * cores the compiler threads compete with the program, so this splits a mode's extra CPU into the program's own
 * work (interpreted and compiled probes, instrumentation, callbacks) and the JIT's. Threads that have already ended
 * are not counted; with the JVM's defaults on two processors the compiler threads live as long as the JVM.
 */
final class ThreadCpu {

    /** The kinds, in the order they are reported. */
    static final List<String> KINDS = List.of("main", "jit", "gc", "other");

    private ThreadCpu() {
    }

    /**
     * @return CPU nanoseconds per kind ({@link #KINDS}), or an empty map where {@code /proc} is not Linux's
     */
    static Map<String, Long> byKind() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return Map.of();
        }
        try (Stream<Path> list = Files.list(tasks)) {
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            long tick = 1_000_000_000L / 100; // USER_HZ, 100 on every Linux this runs on
            Map<String, Long> out = new LinkedHashMap<>();
            KINDS.forEach(k -> out.put(k, 0L));
            for (Path task : list.toList()) {
                String stat;
                String comm;
                try {
                    stat = Files.readString(task.resolve("stat"));
                    comm = Files.readString(task.resolve("comm")).trim();
                } catch (IOException ended) {
                    continue; // the thread ended while we listed them
                }
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
                out.merge(kind(task.getFileName().toString().equals(self), comm), ticks * tick, Long::sum);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the kind of a thread, by whether it is the caller and by the name HotSpot gives it */
    static String kind(boolean caller, String comm) {
        if (caller) {
            return "main";
        }
        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
            return "gc";
        }
        return "other";
    }
}
