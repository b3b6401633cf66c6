package io.lowimpact.monitoring.benchmarks.realworld;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One run of the real test suite ({@link RealSuite}): a fresh JVM running the JUnit Platform console launcher on
 * the library's test jar, in one {@link Mode}, in its own directory. The JVM is started by {@code bash}, whose
 * {@code times} gives the CPU time (user + system) of the whole JVM, its exit (both agents write their data at
 * exit) included; wall time is taken here, from starting the process to its exit.
 */
final class SuiteRun {

    /** What the suite's JVM runs with. */
    enum Mode {
        /** (a) No agent: the baseline. */
        NONE('a', "no agent"),
        /** (b) JaCoCo's agent on the library's packages. */
        JACOCO('b', "JaCoCo agent"),
        /** (c) Our two agents: line+branch coverage, DISABLE after the first hit. */
        COVERAGE('c', "our line+branch coverage"),
        /** (d) As (c), with per-test contexts: the JUnit listener switches context and restarts events per test. */
        CONTEXTS('d', "our coverage, per-test contexts");

        final char letter;
        final String label;

        Mode(char letter, String label) {
            this.letter = letter;
            this.label = label;
        }

        static List<Mode> parse(String letters) {
            return io.lowimpact.monitoring.benchmarks.realworld.Mode.parseLetters(letters, values(), m -> m.letter);
        }

        static Mode of(char letter) {
            return io.lowimpact.monitoring.benchmarks.realworld.Mode.ofLetter(letter, values(), m -> m.letter);
        }

        @Override
        public String toString() {
            return "(" + letter + ") " + label;
        }
    }

    /**
     * The paths and names of the suite.
     *
     * @param java the {@code java} launcher
     * @param classPath the console launcher, the library's jar, its tests jar and their test dependencies
     * @param ourAgent {@code monitoring-agent.jar}
     * @param coverageAgent {@code lowimpact-coverage-agent.jar}
     * @param jacocoAgent JaCoCo's runtime agent
     * @param packageName the library's package, measured by every agent (its test classes too) and the tests selected
     */
    record Setup(Path java, List<Path> classPath, Path ourAgent, Path coverageAgent, Path jacocoAgent,
            String packageName) {
    }

    private static final Pattern SUMMARY = Pattern.compile("\\[\\s*(\\d+) (tests|containers) (\\w+)\\s*\\]");
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");

    final Mode mode;
    final int round;
    final Path dir;
    long wallNanos;
    double cpuSeconds = Double.NaN;
    boolean timedOut;
    int exitCode;
    String loadBefore;
    String loadAfter;
    /** The console launcher's summary: {@code tests successful=734}, {@code tests failed=4}, ... */
    final Map<String, String> summary = new LinkedHashMap<>();

    SuiteRun(Mode mode, int round, Path dir) {
        this.mode = mode;
        this.round = round;
        this.dir = dir;
    }

    /** @return our coverage data file of this run (modes c, d) */
    Path ourData() {
        return dir.resolve("lowimpact.cov");
    }

    /** @return JaCoCo's execution data of this run (mode b) */
    Path jacocoData() {
        return dir.resolve("jacoco.exec");
    }

    /**
     * @param setup the suite
     * @return the command line of this run's JVM
     */
    List<String> javaCommand(Setup setup) {
        List<String> cmd = new ArrayList<>(List.of(setup.java().toString()));
        switch (mode) {
            case JACOCO -> cmd.add("-javaagent:" + setup.jacocoAgent() + "=destfile=" + jacocoData() + ",includes="
                    + setup.packageName() + ".*,output=file");
            case COVERAGE, CONTEXTS -> {
                cmd.add("-javaagent:" + setup.ourAgent() + "=include=" + setup.packageName() + ".**");
                cmd.add("-javaagent:" + setup.coverageAgent() + "=out=" + ourData()
                        + (mode == Mode.CONTEXTS ? ",contexts=true" : ""));
            }
            default -> {
            }
        }
        cmd.add("-cp");
        cmd.add(setup.classPath().stream().map(Path::toString).collect(Collectors.joining(":")));
        cmd.addAll(List.of("org.junit.platform.console.ConsoleLauncher", "execute", "--disable-banner",
                "--details=summary", "--select-package=" + setup.packageName()));
        return cmd;
    }

    /**
     * Runs the JVM, waits up to {@code timeoutMillis} (then kills it), and reads its summary and CPU time.
     *
     * @param setup the suite
     * @param timeoutMillis the longest the run may take
     * @return this run
     * @throws IOException if the process cannot be started or its files written
     * @throws InterruptedException if interrupted while waiting
     */
    SuiteRun execute(Setup setup, long timeoutMillis) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.deleteIfExists(ourData());
        Files.deleteIfExists(jacocoData());
        List<String> java = javaCommand(setup);
        Files.write(dir.resolve("command.txt"), List.of(String.join(" ", java)));
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "\"$@\"; rc=$?; times > \"$0\"; exit $rc",
                dir.resolve("times.txt").toString()));
        cmd.addAll(java);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        loadBefore = Run.loadAverage();
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            timedOut = true;
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
        wallNanos = System.nanoTime() - start;
        loadAfter = Run.loadAverage();
        exitCode = p.exitValue();
        readOutputs();
        save();
        return this;
    }

    private void readOutputs() throws IOException {
        Matcher m = SUMMARY.matcher(Files.readString(dir.resolve("stdout.txt")));
        while (m.find()) {
            summary.put(m.group(2) + " " + m.group(3), m.group(1));
        }
        Path times = dir.resolve("times.txt");
        if (Files.exists(times)) {
            List<String> lines = Files.readAllLines(times);
            Matcher t = lines.size() < 2 ? null : TIMES.matcher(lines.get(1));
            if (t != null && t.find()) {
                cpuSeconds = Integer.parseInt(t.group(1)) * 60 + Double.parseDouble(t.group(2))
                        + Integer.parseInt(t.group(3)) * 60 + Double.parseDouble(t.group(4));
            }
        }
    }

    /** @return the tests' outcome, comparable between runs ({@code tests successful=734, tests failed=4, ...}) */
    String outcome() {
        return summary.entrySet().stream().filter(e -> e.getKey().startsWith("tests "))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** @return whether the JVM ran the suite to its end (the console launcher exits 1 when a test failed) */
    boolean ok() {
        return !timedOut && (exitCode == 0 || exitCode == 1) && summary.containsKey("tests successful");
    }

    private void save() throws IOException {
        Files.write(dir.resolve("run.properties"), List.of("mode=" + mode.letter, "round=" + round,
                "wallNanos=" + wallNanos, "cpuSeconds=" + cpuSeconds, "timedOut=" + timedOut, "exitCode=" + exitCode,
                "loadBefore=" + loadBefore, "loadAfter=" + loadAfter));
    }

    /**
     * @param dir a run's directory, written by {@link #execute}
     * @return the run, read back
     * @throws IOException if its files cannot be read
     */
    static SuiteRun load(Path dir) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("run.properties"))) {
            int eq = line.indexOf('=');
            p.put(line.substring(0, eq), line.substring(eq + 1));
        }
        SuiteRun run = new SuiteRun(Mode.of(p.get("mode").charAt(0)), Integer.parseInt(p.get("round")), dir);
        run.wallNanos = Long.parseLong(p.get("wallNanos"));
        run.timedOut = Boolean.parseBoolean(p.get("timedOut"));
        run.exitCode = Integer.parseInt(p.get("exitCode"));
        run.loadBefore = p.get("loadBefore");
        run.loadAfter = p.get("loadAfter");
        run.readOutputs();
        return run;
    }

    @Override
    public String toString() {
        return String.format("%s round %d: %.2f s wall, %.2f s CPU%s, %s, load %s -> %s", mode, round, wallNanos / 1e9,
                cpuSeconds, timedOut ? " TIMED OUT" : ok() ? "" : " FAILED exit " + exitCode, outcome(), loadBefore,
                loadAfter);
    }
}
