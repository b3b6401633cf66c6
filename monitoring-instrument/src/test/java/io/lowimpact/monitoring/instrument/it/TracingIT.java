package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S43 in a child JVM with the agent (see {@code programs/tracing}): the legacy tracer sees bytecode events of
 * {@code app.Chain} and an injected unit in one stream, in order, and keeps seeing every line while a coverage tool
 * beside it has DISABLEd them all.
 */
class TracingIT {

    /** One run: outer(2) returns, outer(3) catches what check raised two frames down, then the template renders. */
    private static final String TRACE = String.join(", ",
            "outer call@0", "outer line 7", "middle call@0", "middle line 14", "middle line 15",
            "check call@0", "check line 19", "check line 22", "check return@20 4", "middle return@8 4",
            "outer return@4 4",
            "outer call@0", "outer line 7", "middle call@0", "middle line 14", "middle line 15",
            "check call@0", "check line 19", "check line 20", "check exception@18 too big: 6",
            "check return@0 null", "middle return@0 null", "outer line 8", "outer line 9", "outer return@7 -1",
            "render call@0", "render line 1", "render return@2 <p>");

    @TempDir
    Path tmp;

    @Test
    void s43_theTracerSeesBytecodeAndInjectedEventsBesideACoverageTool() throws Exception {
        ChildJvm.Result r = Programs.runUnderAgent(tmp, "tracing");
        assertEquals("run 1: 4 -1\n"
                + "trace: " + TRACE + "\n"
                + "coverage: [outer:7, middle:14, middle:15, check:19, check:22, check:20, outer:8, outer:9,"
                + " render:1]\n"
                + "run 2: 4 -1\n"
                + "trace: " + TRACE + "\n"
                + "coverage: []\n", r.out, r::toString);
        assertEquals("", r.errWithoutJvmNotes(), r::toString);
    }
}
