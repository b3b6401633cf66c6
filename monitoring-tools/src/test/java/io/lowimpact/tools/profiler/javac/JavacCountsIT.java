package io.lowimpact.tools.profiler.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real program: javac compiling 8 of monitoring-api's sources under the agent; the profiler's call count of every
 * javac method equals an independent METHOD_START counter's (see {@link JavacCheck}).
 */
class JavacCountsIT {

    @TempDir
    Path dir;

    @Test
    void javacProfilerCountsEqualAMethodStartCounter() throws Exception {
        Path sources = Path.of(System.getProperty("lowimpact.api.sources"));
        ChildJvm.Result r = ChildJvm.run(ChildJvm.JAVA, 900, dir, "-Xshare:off",
                "-javaagent:" + System.getProperty("lowimpact.agent.jar") + "=include=com.sun.tools.javac.**",
                "-cp", System.getProperty("java.class.path"), JavacCheck.class.getName(), dir.toString(),
                sources.toString(), "8").assertSuccess();
        String out = r.out;
        Matcher m = Pattern.compile("javac 0, files (\\d+), units (\\d+), starts (\\d+), mismatches 0\n").matcher(out);
        assertTrue(m.find(), out);
        assertEquals("8", m.group(1), out);
        assertTrue(Integer.parseInt(m.group(2)) > 1000, out);
        assertEquals(List.of("javac.collapsed", "javac.html", "javac.txt"),
                List.of(dir.resolve("javac.collapsed"), dir.resolve("javac.html"), dir.resolve("javac.txt")).stream()
                        .filter(Files::isRegularFile).map(f -> f.getFileName().toString()).collect(Collectors.toList()));
    }
}
