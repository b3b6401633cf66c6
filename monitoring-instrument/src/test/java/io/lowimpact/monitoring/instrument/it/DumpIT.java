package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent option {@code dump=DIR} in a child JVM (see {@code programs/dump}): the class the agent instruments
 * is written as loaded, with the bytes it was given beside it; the instrumented file goes while the class runs
 * its original bytes; classes the agent leaves alone are not written.
 */
class DumpIT {

    @TempDir
    Path tmp;

    @Test
    void s41_dumpWritesTheInstrumentedClassAndItsOriginal() throws Exception {
        Path classes = Programs.compile("dump", tmp.resolve("classes"));
        ChildJvm.Result r = Programs.java(tmp, "-javaagent:" + Programs.AGENT_JAR + "=exclude=Main,dump=dump",
                "-cp", classes.toString(), "Main", "dump").assertSuccess();
        assertEquals("LINE: Small.twice(4) = 8, lines [4, 5], dumped true\n"
                + "NONE: Small.twice(4) = 8, lines [], dumped false\n"
                + "LINE again: Small.twice(4) = 8, lines [4, 5], dumped true\n", r.out, r::toString);
        assertEquals("", r.errWithoutJvmNotes(), r::toString);

        Path dump = tmp.resolve("dump");
        try (Stream<Path> files = Files.list(dump)) {
            assertEquals(List.of("Small.class", "Small.original.class"),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
        byte[] original = Files.readAllBytes(dump.resolve("Small.original.class"));
        byte[] instrumented = Files.readAllBytes(dump.resolve("Small.class"));
        assertArrayEquals(Files.readAllBytes(classes.resolve("Small.class")), original);
        assertFalse(Arrays.equals(original, instrumented));
        // LINE probes: Small() on line 2, twice on lines 4 and 5.
        assertEquals(Map.of("<init>", 1, "twice", 2), Programs.probeCalls(dump.resolve("Small.class")));
        assertEquals(Map.of(), Programs.probeCalls(dump.resolve("Small.original.class")));
        // Defining and linking the class runs the JVM's verifier over it.
        Class<?> loaded = new ClassLoader("dumped", DumpIT.class.getClassLoader()) {
            Class<?> define() {
                return defineClass("Small", instrumented, 0, instrumented.length);
            }
        }.define();
        assertEquals("Small", Class.forName("Small", true, loaded.getClassLoader()).getName());
        assertTrue(loaded.getMethod("twice", int.class) != null);
    }
}
