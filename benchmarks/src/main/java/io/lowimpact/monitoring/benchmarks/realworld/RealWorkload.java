package io.lowimpact.monitoring.benchmarks.realworld;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The real-workload benchmark (design.md P9-P11): javac compiling a fixed, real source set (the sources jar the
 * build fetched into {@code benchmarks/target/realworld/workload-sources.jar}), each run in a fresh JVM, under
 * no agent, JaCoCo's agent, and our agent with each of the small tools of {@link Tools}. It shows what users
 * live with: cold code, JIT warm-up, deoptimization and memory, where the JMH suites show compiled steady state.
 *
 * <p>Order: one untimed warm-up run without agent (file cache, first timeout), then {@code --reps} rounds, each
 * running every mode once in order (round-robin, so slow phases of the shared machine hit every mode), then one
 * untimed diagnostic run per mode ({@link Run#diagnosticOptions}: JIT totals, bailouts, deoptimizations), then the
 * line-by-line comparison of our line+branch coverage with JaCoCo's ({@link CoverageCheck}). Each run may take at
 * most {@code --timeout-factor} times the median no-agent wall time so far; a mode that timed out is not run in
 * later rounds (unless {@code --retry-timeouts}) and is reported as "> N x (timed out)".
 *
 * <p>Options: {@code --reps N} (5), {@code --modes abcdefgh} (all; must start with {@code a}),
 * {@code --timeout-factor F} (10), {@code --out DIR} ({@code benchmarks/target/realworld-results}),
 * {@code --target DIR} (the benchmarks module's {@code target}, default {@code benchmarks/target}),
 * {@code --no-diagnostics}, {@code --retry-timeouts}, {@code --first-round N} (number the rounds from N, to add
 * rounds to the runs already under {@code --out}), {@code --diagnostics-only} (the warm-up and the
 * diagnostic runs only), {@code --report-only} (no run: rebuild the report from the runs saved under
 * {@code --out}, each run's {@code run.properties}). Writes {@code report.md} (the tables) and {@code raw.tsv}
 * (every run) to the output directory, and prints the report.
 */
public final class RealWorkload {

    private RealWorkload() {
    }

    /**
     * @param args the options above
     * @throws Exception if a run cannot be started or a file written
     */
    public static void main(String[] args) throws Exception {
        int reps = 5;
        String modeLetters = "abcdefgh";
        double timeoutFactor = 10;
        Path target = Path.of("benchmarks", "target");
        Path out = null;
        boolean diagnostics = true;
        boolean retryTimeouts = false;
        boolean diagnosticsOnly = false;
        boolean reportOnly = false;
        int firstRound = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps": reps = Integer.parseInt(args[++i]); break;
                case "--modes": modeLetters = args[++i]; break;
                case "--timeout-factor": timeoutFactor = Double.parseDouble(args[++i]); break;
                case "--target": target = Path.of(args[++i]); break;
                case "--out": out = Path.of(args[++i]); break;
                case "--no-diagnostics": diagnostics = false; break;
                case "--retry-timeouts": retryTimeouts = true; break;
                case "--diagnostics-only": diagnosticsOnly = true; break;
                case "--first-round": firstRound = Integer.parseInt(args[++i]); break;
                case "--report-only": reportOnly = true; break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (reps < 1 || timeoutFactor <= 1) {
            throw new IllegalArgumentException("--reps must be >= 1 and --timeout-factor > 1");
        }
        List<Mode> modes = Mode.parse(modeLetters);
        if (out == null) {
            out = target.resolve("realworld-results");
        }
        Path inputs = target.resolve("realworld");
        Path ourAgent = target.toAbsolutePath().getParent().resolveSibling("monitoring-instrument")
                .resolve("target").resolve("monitoring-agent.jar");
        Path jacocoAgent = inputs.resolve("jacocoagent.jar");
        Path sourcesJar = inputs.resolve("workload-sources.jar");
        Path classes = target.resolve("classes");
        for (Path p : List.of(ourAgent, jacocoAgent, sourcesJar, classes)) {
            if (!Files.exists(p)) {
                throw new IllegalStateException(p + " is missing: build first with "
                        + "mvn -B -q -pl benchmarks -am package -DskipTests");
            }
        }
        Files.createDirectories(out);
        Runtime.getRuntime().addShutdownHook(new Thread(Run::killRunningChild, "rw-kill-child"));
        Path sourceList = extract(sourcesJar, out.resolve("src"));
        Run.Setup setup = new Run.Setup(Path.of(System.getProperty("java.home"), "bin", "java"),
                classes.toAbsolutePath(), ourAgent.toAbsolutePath(), jacocoAgent.toAbsolutePath(),
                sourceList.toAbsolutePath());
        Properties inputsInfo = new Properties();
        try (InputStream in = RealWorkload.class.getResourceAsStream("realworld.properties")) {
            if (in != null) {
                inputsInfo.load(in);
            }
        }
        String workload = Files.readAllLines(sourceList).size() + " `.java` files of "
                + inputsInfo.getProperty("workload", sourcesJar.toString()) + ", JaCoCo "
                + inputsInfo.getProperty("jacoco", jacocoAgent.toString());
        Path runs = out.resolve("runs");
        String started = Instant.now().toString();
        if (reportOnly) {
            report(modes, runs, started, workload, reps, timeoutFactor, setup.java(), out);
            return;
        }
        System.out.printf("real workload: %s; %d rounds of %s, timeout %.0f x no-agent; output %s%n",
                workload, reps, modeLetters, timeoutFactor, out);

        Run warmUp = new Run(Mode.NONE, 0, runs.resolve("0-warmup"), false).execute(setup, 600_000);
        System.out.println("warm-up " + warmUp);
        if (!warmUp.ok()) {
            throw new IllegalStateException("the no-agent run failed: see " + warmUp.dir);
        }
        List<Run> timed = new ArrayList<>();
        List<Double> baselineWalls = new ArrayList<>(List.of(warmUp.wallNanos / 1e6));
        Set<Mode> skipped = EnumSet.noneOf(Mode.class);
        for (int round = firstRound; round < firstRound + (diagnosticsOnly ? 0 : reps); round++) {
            for (Mode mode : modes) {
                if (skipped.contains(mode)) {
                    continue;
                }
                long timeout = (long) (timeoutFactor * Stats.median(baselineWalls));
                Run run = new Run(mode, round, runs.resolve(round + "-" + mode.letter), false).execute(setup, timeout);
                System.out.println(run);
                timed.add(run);
                if (mode == Mode.NONE && run.ok()) {
                    if (round == firstRound) {
                        baselineWalls.clear();
                    }
                    baselineWalls.add(run.wallNanos / 1e6);
                }
                if (run.timedOut && !retryTimeouts) {
                    skipped.add(mode);
                }
            }
        }
        List<Run> diag = new ArrayList<>();
        if (diagnostics) {
            for (Mode mode : modes) {
                long timeout = (long) (timeoutFactor * Stats.median(baselineWalls));
                Run run = new Run(mode, 0, runs.resolve("diag-" + mode.letter), true).execute(setup, timeout);
                System.out.println(run);
                diag.add(run);
            }
        }
        report(modes, runs, started, workload, reps, timeoutFactor, setup.java(), out);
    }

    /** Builds the report from every saved run under {@code runs} (timed rounds and diagnostic runs). */
    private static void report(List<Mode> modes, Path runs, String started, String workload, int reps,
            double timeoutFactor, Path java, Path out) throws IOException {
        List<Run> timed = new ArrayList<>();
        List<Run> diag = new ArrayList<>();
        try (var dirs = Files.list(runs)) {
            for (Path dir : dirs.sorted().toArray(Path[]::new)) {
                if (!Files.exists(dir.resolve("run.properties"))) {
                    continue;
                }
                Run run = Run.load(dir);
                if (!modes.contains(run.mode)) {
                    continue;
                }
                if (run.diagnostic) {
                    diag.add(run);
                } else if (run.round > 0) {
                    timed.add(run);
                }
            }
        }
        timed.sort((x, y) -> x.round != y.round ? Integer.compare(x.round, y.round) : x.mode.compareTo(y.mode));
        diag.sort((x, y) -> x.mode.compareTo(y.mode));
        CoverageCheck check = null;
        Run jacoco = first(timed, Mode.JACOCO);
        Run ours = first(timed, Mode.LINE_BRANCH);
        if (ours == null) {
            ours = first(timed, Mode.LINE_BRANCH_DEFERRED);
        }
        if (jacoco != null && ours != null) {
            check = CoverageCheck.compare(jacoco.dir.resolve("jacoco.exec"), ours.dir.resolve("coverage.txt"));
        }
        int rounds = timed.stream().mapToInt(r -> r.round).max().orElse(reps);
        Report report = new Report(modes, timed, diag, check, started, Instant.now().toString(), workload, rounds,
                timeoutFactor, java);
        Files.writeString(out.resolve("report.md"), report.markdown());
        Files.writeString(out.resolve("raw.tsv"), report.raw());
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("raw data: " + out.resolve("raw.tsv") + "; runs: " + runs);
    }

    private static Run first(List<Run> runs, Mode mode) {
        for (Run r : runs) {
            if (r.mode == mode && r.ok()) {
                return r;
            }
        }
        return null;
    }

    /** Extracts the {@code .java} files of the sources jar (once) and writes the list javac reads. */
    private static Path extract(Path jar, Path dir) throws IOException {
        Path list = dir.resolveSibling("sources.txt");
        List<String> files = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.isDirectory() || !e.getName().endsWith(".java")) {
                    continue;
                }
                Path file = dir.resolve(e.getName()).normalize();
                if (!file.startsWith(dir)) {
                    throw new IOException("entry outside the directory: " + e.getName());
                }
                Files.createDirectories(file.getParent());
                Files.write(file, zip.readAllBytes());
                files.add(file.toAbsolutePath().toString());
            }
        }
        files.sort(null);
        Files.write(list, files);
        return list;
    }
}
