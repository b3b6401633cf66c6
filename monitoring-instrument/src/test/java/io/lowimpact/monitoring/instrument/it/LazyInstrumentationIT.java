package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S39 in a child JVM: with no events a class runs its original class file; a tool's global or local events make
 * the agent retransform exactly the classes concerned; when no tool needs probes any more, they get their original
 * bytes back. A spy agent started after ours (see {@code programs/lazy/Spy.java}) reads the classes' current bytes.
 */
class LazyInstrumentationIT {

    /** Target.first(2)'s LINE events: line points 4, 5 (init), 5 (test), 6, 5 (increment), 8 (S26). */
    private static final String FIRST = "Target.first:4, Target.first:5, Target.first:5, Target.first:6,"
            + " Target.first:5, Target.first:5, Target.first:6, Target.first:5, Target.first:5, Target.first:8";

    @TempDir
    Path tmp;

    @Test
    void s39_classesAreRewrittenOnlyWhileSomeToolNeedsProbesInThem() throws Exception {
        Path classes = Programs.compile("lazy", tmp.resolve("classes"));
        Path spy = Programs.jar(classes, tmp.resolve("spy.jar"), Map.of("Premain-Class", "Spy",
                "Can-Retransform-Classes", "true"), "Spy");
        Path snapshots = tmp.resolve("snapshots");
        // The spy itself is excluded so that its transformer never runs probes of its own.
        ChildJvm.Result r = Programs.java(tmp, "-javaagent:" + Programs.AGENT_JAR + "=exclude=Spy*",
                "-javaagent:" + spy + "=Target:Other", "-cp", classes.toString(), "Main", snapshots.toString())
                .assertSuccess();
        assertEquals("loaded: results 19, lines []\n"
                + "start: Target original Other original\n"
                + "setEvents(LINE) retransformed {Other=1, Target=1}\n"
                + "line: Target changed Other changed\n"
                + "with LINE: results 19, lines [" + FIRST + ", Target.second:12, Other.work:4]\n"
                + "setEvents(NONE) retransformed {Other=1, Target=1}\n"
                + "none: Target original Other original\n"
                + "after NONE: results 19, lines []\n"
                + "setEvents(LINE) again retransformed {Other=1, Target=1}\n"
                + "freeToolId retransformed {Other=1, Target=1}\n"
                + "freed: Target original Other original\n"
                + "after freeToolId: results 19, lines []\n"
                + "setLocalEvents(first, LINE) retransformed {Target=1}\n"
                + "local: Target changed Other original\n"
                + "with local LINE: results 19, lines [" + FIRST + "]\n"
                + "setLocalEvents(first, NONE) retransformed {Target=1}\n"
                + "local-none: Target original Other original\n"
                + "after local NONE: results 19, lines []\n"
                + "close retransformed {}\n"
                // Caller was first instrumented for LINE alone: CALL set later still carries each call's target
                + "CALL after LINE: result 5, calls [call 1 java.lang.String.length()I arg0=abc, "
                + "call 6 java.lang.Math.abs(I)I arg0=-2]\n"
                // Later's units were made while it needed no probes: the JVM rebuilds its class file for CALL
                + "CALL after CodeUnit.of: result 5, calls [call 1 Later.length(Ljava/lang/String;)I arg0=abc, "
                + "length 1 java.lang.String.length()I arg0=abc, call 6 Later.abs(I)I arg0=-2, "
                + "abs 1 java.lang.Math.abs(I)I arg0=-2]\n", r.out, r::toString);
        assertEquals("", r.errWithoutJvmNotes(), r::toString);

        for (String original : new String[] {"start", "none", "freed", "local-none"}) {
            for (String c : new String[] {"Target", "Other"}) {
                assertArrayEquals(Files.readAllBytes(classes.resolve(c + ".class")),
                        Files.readAllBytes(snapshots.resolve(original + "-" + c + ".class")), original + " " + c);
            }
        }
        // Global LINE: one probe per line point in every method, each a guarded call of the core's Bootstrap.
        assertEquals(Map.of("<init>", 1, "first", 6, "second", 1),
                Programs.probeCalls(snapshots.resolve("line-Target.class")));
        assertEquals(Map.of("<init>", 1, "work", 1), Programs.probeCalls(snapshots.resolve("line-Other.class")));
        // Local LINE on Target.first: only that method gets probes.
        assertEquals(Map.of("first", 6), Programs.probeCalls(snapshots.resolve("local-Target.class")));
        assertEquals(Map.of(), Programs.probeCalls(snapshots.resolve("local-Other.class")));
    }
}
