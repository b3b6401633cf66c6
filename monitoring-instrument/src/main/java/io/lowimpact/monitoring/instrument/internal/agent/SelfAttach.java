package io.lowimpact.monitoring.instrument.internal.agent;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Loads the agent jar into this JVM for {@code MonitoringAgent.install()}. A JVM may not attach to itself
 * ({@code jdk.attach.allowAttachSelf} is false by default), so this runs the {@link Attacher} in a child JVM from
 * the agent jar and waits for it. Uses only {@code java.base}: it runs in the application's class loader before
 * the agent has started.
 */
public final class SelfAttach {

    /** The attacher's main class, named so that this JVM never loads it (it needs {@code jdk.attach}). */
    static final String ATTACHER = "io.lowimpact.monitoring.instrument.internal.agent.Attacher";

    /** How long the attacher may take: JVM start-up plus the agent's start. */
    static final long TIMEOUT_SECONDS = 120;

    private SelfAttach() {
    }

    /**
     * Attaches the agent jar to this JVM and returns once the agent's {@code agentmain} has returned.
     *
     * @param agentJar the agent jar
     * @param options the agent options, possibly empty
     * @throws IllegalStateException if the attacher cannot be started, fails or times out; the message holds
     *         its output
     */
    public static void attach(Path agentJar, String options) {
        List<String> command = new ArrayList<>();
        command.add(javaLauncher());
        command.add("-cp");
        command.add(agentJar.toString());
        command.add(ATTACHER);
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(agentJar.toString());
        if (!options.isEmpty()) {
            command.add(options);
        }
        Path output = null;
        try {
            output = Files.createTempFile("lowimpact-attach", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("cannot load the monitoring agent: the attacher ("
                        + String.join(" ", command) + ") did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("cannot load the monitoring agent into this JVM: "
                        + Files.readString(output, Charset.defaultCharset()).strip()
                        + " (attacher exit code " + process.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the monitoring agent: cannot run the attacher ("
                    + String.join(" ", command) + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the monitoring agent", e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a left-over temporary file is harmless
                }
            }
        }
    }

    /**
     * This JVM's {@code java} launcher: {@code java.home/bin/java}, else the command that started this process
     * (which may be a native launcher that is not {@code java}, hence second).
     */
    static String javaLauncher() {
        boolean windows = File.separatorChar == '\\';
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        if (Files.isExecutable(java)) {
            return java.toString();
        }
        return ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException(
                "cannot load the monitoring agent: no java launcher in " + java.getParent()
                        + " and the command of this process is unknown"));
    }
}
