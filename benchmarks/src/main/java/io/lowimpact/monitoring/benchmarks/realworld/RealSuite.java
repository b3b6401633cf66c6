package io.lowimpact.monitoring.benchmarks.realworld;

import io.lowimpact.coverage.CoverageData;
import io.lowimpact.monitoring.benchmarks.realworld.SuiteRun.Mode;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A real library's own JUnit 5 test suite (the jars the {@code realsuite} profile of {@code benchmarks/pom.xml}
 * copies into {@code benchmarks/target/realsuite/}), each run in a fresh JVM by the JUnit Platform console
 * launcher: without an agent, under JaCoCo's agent, under our line+branch coverage, and under our coverage with
 * per-test contexts. It reports the wall and CPU time of each (medians over rounds, medians of per-round ratios to
 * the no-agent run, the modes interleaved round-robin, as {@link RealWorkload} does for javac), checks that every
 * run's tests end as without an agent, and compares our coverage with JaCoCo's per class and per line
 * ({@link SuiteComparison}).
 *
 * <p>Options: {@code --reps N} (3), {@code --modes abcd} (all; must start with {@code a}), {@code --target DIR}
 * ({@code benchmarks/target}), {@code --out DIR} ({@code <target>/realsuite-results}), {@code --timeout-factor F}
 * (10), {@code --report-only} (no run: the report from the runs saved under {@code --out}). Writes
 * {@code report.md} and prints it. Exit status 3 when a difference from JaCoCo is unexplained or a run's tests did
 * not end as without an agent.
 */
public final class RealSuite {

    private RealSuite() {
    }

    /**
     * @param args the options above
     * @throws Exception if a run cannot be started or a file read or written
     */
    public static void main(String[] args) throws Exception {
        int reps = 3;
        String letters = "abcd";
        Path target = Path.of("benchmarks", "target");
        Path out = null;
        double timeoutFactor = 10;
        boolean reportOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--modes" -> letters = args[++i];
                case "--target" -> target = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--timeout-factor" -> timeoutFactor = Double.parseDouble(args[++i]);
                case "--report-only" -> reportOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Mode> modes = Mode.parse(letters);
        target = target.toAbsolutePath();
        out = (out == null ? target.resolve("realsuite-results") : out).toAbsolutePath();
        Properties info = new Properties();
        try (InputStream in = RealSuite.class.getResourceAsStream("realsuite.properties")) {
            info.load(in);
        }
        Path inputs = target.resolve("realsuite");
        Path library = inputs.resolve("library.jar");
        List<Path> classPath = new ArrayList<>(List.of(inputs.resolve("console.jar"), library,
                inputs.resolve("library-tests.jar")));
        if (Files.isDirectory(inputs.resolve("deps"))) {
            try (var deps = Files.list(inputs.resolve("deps"))) {
                deps.sorted().forEach(classPath::add);
            }
        }
        Path modules = target.getParent().getParent();
        SuiteRun.Setup setup = new SuiteRun.Setup(Path.of(System.getProperty("java.home"), "bin", "java"), classPath,
                modules.resolve("monitoring-instrument/target/monitoring-agent.jar"),
                modules.resolve("monitoring-coverage/target/lowimpact-coverage-agent.jar"),
                target.resolve("realworld/jacocoagent.jar"), info.getProperty("package"));
        for (Path p : List.of(library, classPath.get(0), setup.ourAgent(), setup.coverageAgent(), setup.jacocoAgent())) {
            if (!Files.exists(p)) {
                throw new IllegalStateException(p + " is missing: build first with "
                        + "mvn -B -q -Prealsuite -pl benchmarks -am package -DskipTests");
            }
        }
        Path runs = out.resolve("runs");
        String started = reportOnly ? "(report rebuilt from the saved runs; see their load readings)"
                : Instant.now().toString();
        if (!reportOnly) {
            System.out.printf("real suite %s: %d rounds of %s; output %s%n", info.getProperty("suite"), reps, letters,
                    out);
            SuiteRun warmUp = new SuiteRun(Mode.NONE, 0, runs.resolve("0-warmup")).execute(setup, 900_000);
            System.out.println("warm-up " + warmUp);
            if (!warmUp.ok()) {
                throw new IllegalStateException("the no-agent run failed: see " + warmUp.dir);
            }
            List<Double> baseline = new ArrayList<>(List.of(warmUp.wallNanos / 1e6));
            for (int round = 1; round <= reps; round++) {
                for (Mode mode : modes) {
                    long timeout = (long) (timeoutFactor * Stats.median(baseline));
                    SuiteRun run = new SuiteRun(mode, round, runs.resolve(round + "-" + mode.letter))
                            .execute(setup, timeout);
                    System.out.println(run);
                    if (mode == Mode.NONE && run.ok()) {
                        baseline.add(run.wallNanos / 1e6);
                    }
                }
            }
        }
        List<SuiteRun> all = new ArrayList<>();
        try (var dirs = Files.list(runs)) {
            for (Path dir : dirs.sorted().toList()) {
                SuiteRun r = SuiteRun.load(dir);
                if (r.round > 0 && modes.contains(r.mode)) {
                    all.add(r);
                }
            }
        }
        StringBuilder report = new StringBuilder();
        int problems = timings(report, all, modes, info, started);
        problems += coverage(report, all, library, out);
        Files.writeString(out.resolve("report.md"), report);
        System.out.println();
        System.out.println(report);
        System.exit(problems == 0 ? 0 : 3);
    }

    /** The timing table; returns the number of runs whose tests did not end as in the first no-agent run. */
    private static int timings(StringBuilder sb, List<SuiteRun> all, List<Mode> modes, Properties info,
            String started) {
        String expected = all.stream().filter(r -> r.mode == Mode.NONE && r.ok()).map(SuiteRun::outcome).findFirst()
                .orElse("?");
        sb.append(String.format("Suite: %s, by the JUnit Platform console launcher (`--select-package=%s`), one fresh "
                + "JVM per run; %d rounds, round-robin over the modes. Started %s, ended %s; JVM %s %s, %d processors."
                + "%n%n", info.getProperty("suite"), info.getProperty("package"),
                all.stream().mapToInt(r -> r.round).max().orElse(0), started, Instant.now(),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors()));
        sb.append("| mode | runs ok | wall s (median) | wall vs (a) | CPU s (median) | CPU vs (a) | wall vs JaCoCo's "
                + "| tests as (a) |\n|---|---|---:|---:|---:|---:|---:|---|\n");
        Map<Integer, Double> baseWall = perRound(all, Mode.NONE, true);
        Map<Integer, Double> baseCpu = perRound(all, Mode.NONE, false);
        double jacoco = Stats.medianRatio(perRound(all, Mode.JACOCO, true), baseWall);
        int bad = 0;
        for (Mode mode : modes) {
            Map<Integer, Double> wall = perRound(all, mode, true);
            Map<Integer, Double> cpu = perRound(all, mode, false);
            long same = all.stream().filter(r -> r.mode == mode && r.outcome().equals(expected)).count();
            long runs = all.stream().filter(r -> r.mode == mode).count();
            bad += (int) (runs - same);
            double ratio = Stats.medianRatio(wall, baseWall);
            sb.append(String.format("| %s | %d of %d | %.2f | %.2f × | %.2f | %.2f × | %s | %s |%n", mode, wall.size(),
                    runs, Stats.median(new ArrayList<>(wall.values())), ratio,
                    Stats.median(new ArrayList<>(cpu.values())), Stats.medianRatio(cpu, baseCpu),
                    mode == Mode.NONE || mode == Mode.JACOCO ? "" : String.format("%.2f ×", ratio / jacoco),
                    same == runs ? "yes" : (runs - same) + " runs differ"));
        }
        sb.append("\nTests of every run of (a): ").append(expected).append(".\n\n| round | mode | wall s | CPU s | load "
                + "before → after |\n|---|---|---:|---:|---|\n");
        for (SuiteRun r : all) {
            sb.append(String.format("| %d | %s | %.2f | %.2f | %s → %s |%n", r.round, r.mode.letter, r.wallNanos / 1e9,
                    r.cpuSeconds, r.loadBefore, r.loadAfter));
        }
        return bad;
    }

    private static Map<Integer, Double> perRound(List<SuiteRun> all, Mode mode, boolean wall) {
        Map<Integer, Double> m = new TreeMap<>();
        for (SuiteRun r : all) {
            if (r.mode == mode && r.ok()) {
                m.put(r.round, wall ? r.wallNanos / 1e9 : r.cpuSeconds);
            }
        }
        return m;
    }

    /** The comparison with JaCoCo (round 1 of b and c) and of (d) with (c); returns the unexplained differences. */
    private static int coverage(StringBuilder sb, List<SuiteRun> all, Path library, Path out) throws Exception {
        SuiteRun jacoco = first(all, Mode.JACOCO);
        SuiteRun ours = first(all, Mode.COVERAGE);
        int unexplained = 0;
        if (jacoco != null && ours != null) {
            SuiteComparison c = SuiteComparison.compare(jacoco.jacocoData(), ours.ourData(), library,
                    out.resolve("ours.xml"));
            sb.append(String.format("%nCoverage of the library's classes, ours (c, round %d) vs JaCoCo (b, round %d), "
                    + "line by line:%n%n", ours.round, jacoco.round)).append(c.markdown());
            unexplained = c.unexplained();
        }
        SuiteRun contexts = first(all, Mode.CONTEXTS);
        if (ours != null && contexts != null) {
            int[] same = SuiteComparison.sameLines(ours.ourData(), contexts.ourData(), library, out);
            CoverageData d = CoverageData.read(contexts.ourData());
            sb.append(String.format("%nPer-test contexts (d, round %d): %d contexts recorded; %d of %d lines have the "
                    + "covered state and branch counters of (c).%n", contexts.round, d.contexts().size(), same[1],
                    same[0]));
        }
        return unexplained;
    }

    private static SuiteRun first(List<SuiteRun> all, Mode mode) {
        return all.stream().filter(r -> r.mode == mode && r.ok()).findFirst().orElse(null);
    }
}
