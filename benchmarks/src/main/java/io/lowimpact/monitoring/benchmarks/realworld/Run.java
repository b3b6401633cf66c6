package io.lowimpact.monitoring.benchmarks.realworld;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run: one fresh JVM running {@link JavacLauncher} in one mode, in its own directory (standard output and
 * error, result file, covered lines, JaCoCo's exec file, JFR recording, javac's output). Wall time is taken
 * here, from starting the process to its exit.
 */
final class Run {

    /** Options of the untimed diagnostic runs: JIT totals and each compilation, and a JFR recording. */
    static List<String> diagnosticOptions(Path dir) {
        return List.of("-XX:+CITime", "-XX:+PrintCompilation",
                "-XX:StartFlightRecording=filename=" + dir.resolve("diag.jfr") + ",settings=default,dumponexit=true");
    }

    /** The child running now, if any: killed by {@link #killRunningChild} when the harness is stopped. */
    private static volatile Process running;

    final Mode mode;
    final int round;
    final Path dir;
    final boolean diagnostic;
    long wallNanos;
    boolean timedOut;
    int exitCode;
    String loadBefore;
    String loadAfter;
    final Map<String, String> result = new LinkedHashMap<>();

    Run(Mode mode, int round, Path dir, boolean diagnostic) {
        this.mode = mode;
        this.round = round;
        this.dir = dir;
        this.diagnostic = diagnostic;
    }

    /** The paths a run needs. */
    record Setup(Path java, Path launcherClasses, Path ourAgent, Path jacocoAgent, Path sourceList) {
    }

    /**
     * Starts the JVM, waits for it up to {@code timeoutMillis} (then SIGTERM, then after 15 s a kill), and reads
     * its result file.
     *
     * @param setup the paths
     * @param timeoutMillis the longest the run may take
     * @return this run
     * @throws IOException if the process cannot be started or its files written
     * @throws InterruptedException if interrupted while waiting
     */
    Run execute(Setup setup, long timeoutMillis) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<String> cmd = new ArrayList<>();
        cmd.add(setup.java().toString());
        if (diagnostic) {
            cmd.addAll(diagnosticOptions(dir));
        }
        String agent = mode.agentOption(setup.ourAgent(), setup.jacocoAgent(), dir.resolve("jacoco.exec"));
        if (agent != null) {
            cmd.add(agent);
        }
        cmd.add("-cp");
        Path toolClasses = mode.toolClasses(setup.ourAgent());
        cmd.add(setup.launcherClasses() + (toolClasses == null ? "" : File.pathSeparator + toolClasses));
        cmd.add(JavacLauncher.class.getName());
        cmd.add(mode.tool);
        cmd.add(dir.resolve("result.properties").toString());
        cmd.add(mode.writesCoverage() ? dir.resolve("coverage.txt").toString() : "-");
        cmd.addAll(List.of("-nowarn", "-proc:none", "-encoding", "UTF-8", "-d", classes.toString(),
                "@" + setup.sourceList()));
        Files.write(dir.resolve("command.txt"), List.of(String.join(" ", cmd)));

        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        loadBefore = loadAverage();
        long start = System.nanoTime();
        Process p = pb.start();
        running = p;
        if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            timedOut = true;
            p.destroy();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
        wallNanos = System.nanoTime() - start;
        running = null;
        loadAfter = loadAverage();
        exitCode = p.exitValue();
        result.putAll(properties(dir.resolve("result.properties")));
        deleteTree(classes);
        save();
        Path jfr = dir.resolve("diag.jfr");
        if (diagnostic && Files.exists(jfr)) {
            new ProcessBuilder(setup.java().resolveSibling("jfr").toString(), "print", "--events", "jdk.Deoptimization",
                    jfr.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("deopt.txt").toFile())
                    .start().waitFor();
        }
        return this;
    }

    /** Writes what the harness measured of this run to {@code run.properties}, which {@link #load} reads. */
    void save() throws IOException {
        Files.write(dir.resolve("run.properties"), List.of("mode=" + mode.letter, "round=" + round,
                "diagnostic=" + diagnostic, "wallNanos=" + wallNanos, "timedOut=" + timedOut, "exitCode=" + exitCode,
                "loadBefore=" + loadBefore, "loadAfter=" + loadAfter));
    }

    /**
     * Reads back a run saved by {@link #save}, with its result file.
     *
     * @param dir the run's directory
     * @return the run
     * @throws IOException if its files cannot be read
     */
    static Run load(Path dir) throws IOException {
        Map<String, String> p = properties(dir.resolve("run.properties"));
        Mode mode = Mode.of(p.get("mode").charAt(0));
        Run run = new Run(mode, Integer.parseInt(p.get("round")), dir, Boolean.parseBoolean(p.get("diagnostic")));
        run.wallNanos = Long.parseLong(p.get("wallNanos"));
        run.timedOut = Boolean.parseBoolean(p.get("timedOut"));
        run.exitCode = Integer.parseInt(p.get("exitCode"));
        run.loadBefore = p.get("loadBefore");
        run.loadAfter = p.get("loadAfter");
        run.result.putAll(properties(dir.resolve("result.properties")));
        return run;
    }

    private static Map<String, String> properties(Path file) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    map.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return map;
    }

    /** @return whether javac ran to completion and compiled without errors */
    boolean ok() {
        return !timedOut && exitCode == 0 && "0".equals(result.get("rc"));
    }

    /**
     * @param key a key of the result file
     * @return its value as a number; NaN if absent
     */
    double value(String key) {
        String v = result.get(key);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }

    /** Kills the child running now, if any (a shutdown hook of the harness). */
    static void killRunningChild() {
        Process p = running;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    static String loadAverage() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg")).strip();
            String[] parts = s.split(" ");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toArray(Path[]::new)) {
                Files.delete(p);
            }
        }
    }

    /** @return the class path element of the given class's code: its jar or classes directory */
    static Path codeOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return mode + " round " + round + (diagnostic ? " (diagnostic)" : "") + ": "
                + String.format("%.2f s", wallNanos / 1e9) + (timedOut ? " TIMED OUT" : ok() ? "" : " FAILED exit "
                + exitCode) + " load " + loadBefore + " -> " + loadAfter;
    }
}
