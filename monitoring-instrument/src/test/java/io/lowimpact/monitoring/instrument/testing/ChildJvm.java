package io.lowimpact.monitoring.instrument.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a child JVM for a test and keeps what it printed. */
public final class ChildJvm {

    /** The {@code java} launcher of this JDK. */
    public static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** What a child JVM printed and how it ended. */
    public static final class Result {
        /** The exit code, -1 if it was killed after its time ran out. */
        public final int exitCode;
        /** Its stdout, with {@code \n} line ends. */
        public final String out;
        /** Its stderr, with {@code \n} line ends. */
        public final String err;

        Result(int exitCode, String out, String err) {
            this.exitCode = exitCode;
            this.out = out;
            this.err = err;
        }

        /**
         * @return stderr without what the JVM itself prints about agents: the CDS note that the boot class path
         *         was appended (docs/agent.md) and the JEP 451 warning about a dynamically loaded agent (JDK 21+)
         */
        public String errWithoutJvmNotes() {
            return err.replaceAll("(?m)^.* VM warning: Sharing is only supported for boot loader classes because"
                    + " bootstrap classpath has been appended\n", "")
                    .replaceAll("(?m)^WARNING: (A Java agent has been loaded dynamically|If a serviceability tool"
                            + "|Dynamic loading of agents).*\n", "");
        }

        /**
         * Fails unless the program exited with 0; shows its output.
         *
         * @return this
         */
        public Result assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError(this.toString());
            }
            return this;
        }

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    private ChildJvm() {
    }

    /**
     * Runs a {@code java} launcher with the given arguments and waits for it, without {@code JAVA_TOOL_OPTIONS} or
     * {@code JDK_JAVA_OPTIONS}.
     *
     * @param java the launcher, for example {@link #JAVA} or that of another JDK
     * @param timeoutSeconds how long to wait before the run counts as hung (it is killed and the test fails)
     * @param workDir the working directory, where stdout and stderr are kept
     * @param args the arguments after {@code java}
     * @return what it printed
     * @throws IOException if the launcher cannot be started or its output not read
     * @throws InterruptedException if the test is interrupted while waiting
     */
    public static Result run(String java, long timeoutSeconds, Path workDir, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        Result result = new Result(finished ? process.exitValue() : -1,
                Files.readString(out).replace(System.lineSeparator(), "\n"),
                Files.readString(err).replace(System.lineSeparator(), "\n"));
        if (!finished) {
            throw new AssertionError("timed out: " + command + "\n" + result);
        }
        return result;
    }
}
