package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * design.md R2 on the JDK's own code (run with {@code -Preliability}): javac, instrumented by the agent
 * ({@code include=com.sun.tools.javac.**} lifts the default exclusion of the JDK's packages, docs/agent.md) with
 * every event on and no-op callbacks, compiles monitoring-api's sources (a named module) into class files
 * byte-identical to those of the uninstrumented javac, on every JDK of {@link ThirdPartySuiteIT#javaHomes()}.
 */
@Tag("reliability")
class JavacUnderAgentIT {

    @TempDir
    Path tmp;

    @Test
    void r2_instrumentedJavacWritesTheSameClassFiles() throws Exception {
        Path classes = Programs.compile("suite", tmp.resolve("tools"));
        List<String> sources;
        try (Stream<Path> files = Files.walk(Path.of("..", "monitoring-api", "src", "main", "java").toAbsolutePath())) {
            sources = files.map(Path::toString).filter(p -> p.endsWith(".java")).sorted().toList();
        }
        assertTrue(sources.size() > 10, sources::toString);
        for (Path home : ThirdPartySuiteIT.javaHomes()) {
            List<Path> outs = new ArrayList<>();
            for (String mode : List.of("none", "all")) {
                Path out = tmp.resolve(home.getFileName() + "-" + mode);
                List<String> args = new ArrayList<>();
                if (mode.equals("all")) {
                    args.add("-javaagent:" + Programs.AGENT_JAR + "=include=com.sun.tools.javac.**");
                }
                args.addAll(List.of("-Xshare:off", "-cp", Programs.AGENT_JAR + File.pathSeparator + classes,
                        "ToolsMain", mode, "com.sun.tools.javac.Main", "-d", out.toString(), "-Xlint:none"));
                args.addAll(sources);
                long start = System.nanoTime();
                ChildJvm.Result r = ChildJvm.run(ThirdPartySuiteIT.java(home), 1800, tmp, args.toArray(new String[0]))
                        .assertSuccess();
                System.out.printf("javac of %s, %s: %d s%n", home.getFileName(), mode,
                        (System.nanoTime() - start) / 1_000_000_000L);
                if (mode.equals("all")) {
                    assertTrue(r.err.matches("(?s).*lowimpact events: [1-9]\\d*, tool errors: 0.*"), r::toString);
                }
                outs.add(out);
            }
            List<Path> expected = classFiles(outs.get(0));
            assertEquals(expected.stream().map(p -> outs.get(0).relativize(p).toString()).toList(),
                    classFiles(outs.get(1)).stream().map(p -> outs.get(1).relativize(p).toString()).toList());
            for (Path file : expected) {
                assertArrayEquals(Files.readAllBytes(file),
                        Files.readAllBytes(outs.get(1).resolve(outs.get(0).relativize(file))), file.toString());
            }
        }
    }

    private static List<Path> classFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }
}
