package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S12 in a child JVM: LINE set while {@code Loop.spin} runs hot, compiled by C2, in another thread (see
 * {@code programs/hotloop}). Loop's lines: 8 entry, 9 loop test, 10 loop body, 12 after the loop, 13 return.
 */
class HotLoopIT {

    /** Makes the JIT log what it compiles into {@code jit.log}, where the program looks for the loop's compilation. */
    private static final String JIT_LOG = "-Xlog:jit+compilation=debug:file=jit.log::filecount=0";

    @TempDir
    Path tmp;

    @Test
    void s12_preinstalledProbesMakeARunningCompiledLoopDeliverAtOnce() throws Exception {
        Path classes = Programs.compile("hotloop", tmp.resolve("classes"));
        ChildJvm.Result r = Programs.java(tmp, "-javaagent:" + Programs.AGENT_JAR + "=probes=LINE", JIT_LOG,
                "-cp", classes.toString(), "Main", "probes").assertSuccess();
        // The same invocation, still in its loop, delivers the loop's lines after setEvents returns, and the rest
        // of its lines when it ends; it entered (line 8) before the events were set.
        assertEquals("invocation 1 compiled by C2 before setEvents: true\n"
                + "invocation 1 delivered lines while running: true [9, 10], still running: true\n"
                + "invocation 1 lines in all: [9, 10, 12, 13]\n"
                + "invocation 2 lines in all: true [8, 9, 10, 12, 13]\n", r.out, r::toString);
        assertEquals("", r.errWithoutJvmNotes(), r::toString);
    }

    @Test
    void s12_withoutProbesTheRunningFrameKeepsItsCodeAndTheNextInvocationDelivers() throws Exception {
        Path classes = Programs.compile("hotloop", tmp.resolve("classes"));
        ChildJvm.Result r = Programs.java(tmp, "-javaagent:" + Programs.AGENT_JAR, JIT_LOG,
                "-cp", classes.toString(), "Main", "lazy").assertSuccess();
        assertEquals("invocation 1 compiled by C2 before setEvents: true\n"
                + "invocation 1 delivered lines while running: [], still running: true\n"
                + "invocation 1 lines in all: []\n"
                + "invocation 2 lines in all: true [8, 9, 10, 12, 13]\n", r.out, r::toString);
        assertEquals("", r.errWithoutJvmNotes(), r::toString);
    }
}
