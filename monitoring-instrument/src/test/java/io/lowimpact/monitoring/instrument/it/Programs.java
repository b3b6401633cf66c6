package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Small programs for the integration tests: compiled at test time from {@code src/test/resources/programs/NAME},
 * against the agent jar only, and run in a child JVM of this JDK.
 */
final class Programs {

    /** The agent jar under test (failsafe passes its path). */
    static final Path AGENT_JAR = Path.of(System.getProperty("lowimpact.agent.jar"));

    /** This module's compiled test classes. */
    static final Path TEST_CLASSES = Path.of(System.getProperty("lowimpact.test.classes"));

    /** The {@code java} launcher of this JDK. */
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private static final long TIMEOUT_SECONDS = 120;

    /** What a child JVM printed and how it ended. */
    static final class Result {
        final int exitCode;
        final String out;
        final String err;

        Result(int exitCode, String out, String err) {
            this.exitCode = exitCode;
            this.out = out;
            this.err = err;
        }

        /**
         * @return stderr without what the JVM itself prints about agents: the CDS note that the boot class path
         *         was appended (docs/agent.md) and the JEP 451 warning about a dynamically loaded agent (JDK 21+)
         */
        String errWithoutJvmNotes() {
            return err.replaceAll("(?m)^.* VM warning: Sharing is only supported for boot loader classes because"
                    + " bootstrap classpath has been appended\n", "")
                    .replaceAll("(?m)^WARNING: (A Java agent has been loaded dynamically|If a serviceability tool"
                            + "|Dynamic loading of agents).*\n", "");
        }

        /** Fails unless the program exited with 0; shows its output. */
        Result assertSuccess() {
            assertEquals(0, exitCode, this::toString);
            return this;
        }

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    private Programs() {
    }

    /**
     * Compiles every source of {@code programs/<name>} into {@code out}, with the agent jar as class path.
     *
     * @return {@code out}
     */
    static Path compile(String name, Path out) throws IOException {
        Path dir = TEST_CLASSES.resolve("programs").resolve(name);
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", AGENT_JAR.toString(),
                "--release", "17", "-Xlint:all", "-Werror"));
        try (Stream<Path> files = Files.list(dir)) {
            args.addAll(files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted()
                    .collect(Collectors.toList()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status;
        try (PrintStream err = new PrintStream(diagnostics, true, StandardCharsets.UTF_8)) {
            status = javac.run(null, err, err, args.toArray(new String[0]));
        }
        assertEquals(0, status, () -> "javac " + args + "\n" + diagnostics.toString(StandardCharsets.UTF_8));
        return out;
    }

    /**
     * Writes a jar of some compiled classes with the given main attributes.
     *
     * @param classes the directory {@link #compile} wrote
     * @param jar the jar to write
     * @param attributes main manifest attributes
     * @param classNames the classes to put in (with their nested classes)
     * @return {@code jar}
     */
    static Path jar(Path classes, Path jar, Map<String, String> attributes, String... classNames) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((k, v) -> manifest.getMainAttributes().put(new Attributes.Name(k), v));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> all = Files.list(classes)) {
            for (Path p : all.sorted().collect(Collectors.toList())) {
                String fileName = p.getFileName().toString();
                for (String c : classNames) {
                    if (fileName.equals(c + ".class") || fileName.startsWith(c + "$")) {
                        out.putNextEntry(new JarEntry(fileName));
                        out.write(Files.readAllBytes(p));
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }

    /**
     * Runs {@code java} with the given arguments and waits for it.
     *
     * @param workDir the working directory, where stdout and stderr are kept
     * @param args the arguments after {@code java}
     * @return what it printed
     */
    static Result java(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        Result result = new Result(finished ? process.exitValue() : -1,
                Files.readString(out).replace(System.lineSeparator(), "\n"),
                Files.readString(err).replace(System.lineSeparator(), "\n"));
        assertTrue(finished, () -> "timed out: " + command + "\n" + result);
        return result;
    }

    /** Counts the occurrences of {@code part} in {@code text}. */
    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
