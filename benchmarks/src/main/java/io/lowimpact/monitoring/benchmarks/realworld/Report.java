package io.lowimpact.monitoring.benchmarks.realworld;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The real-workload report: per mode, medians over the timed runs and medians of per-round ratios to the
 * no-agent run of the same round (Markdown, ready for {@code docs/benchmarks.md}); the JIT figures of the
 * diagnostic runs; the coverage comparison; and every run as tab-separated raw data.
 */
final class Report {

    /** Javac's classes: where bailouts and deoptimizations of the monitored code are counted. */
    static final String JAVAC = "com.sun.tools.javac.";

    private static final double MIB = 1024 * 1024;

    private final List<Mode> modes;
    private final List<Run> timed;
    private final List<Run> diag;
    private final CoverageCheck check;
    private final String header;

    Report(List<Mode> modes, List<Run> timed, List<Run> diag, CoverageCheck check, String started, String ended,
            String workload, int reps, double timeoutFactor, Path java) {
        this.modes = modes;
        this.timed = timed;
        this.diag = diag;
        this.check = check;
        this.header = String.format("Workload: javac (in-process, `javax.tools`) compiling %s, one fresh JVM per run; "
                + "%d rounds, round-robin over the modes; timeout %.0f x the no-agent median. Started %s, ended %s; "
                + "JVM `%s` (%s %s), %d processors.%n", workload, reps, timeoutFactor, started, ended, java,
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors());
    }

    private Map<Integer, Double> perRound(Mode mode, String what) {
        Map<Integer, Double> m = new TreeMap<>();
        for (Run r : timed) {
            if (r.mode == mode && r.ok()) {
                double v = what.equals("wall") ? r.wallNanos / 1e9 : what.equals("cpu") ? r.value("cpuNanos") / 1e9
                        : r.value("heapUsed") / MIB;
                m.put(r.round, v);
            }
        }
        return m;
    }

    private Run timedOut(Mode mode) {
        for (Run r : timed) {
            if (r.mode == mode && r.timedOut) {
                return r;
            }
        }
        return null;
    }

    /** @return the tables, in Markdown */
    String markdown() {
        StringBuilder sb = new StringBuilder(header).append('\n');
        sb.append("| mode | runs ok | wall s (median) | wall vs (a) | CPU s (median) | CPU vs (a) | wall ratio / JaCoCo's "
                + "| retained heap − (a), MiB |\n|---|---|---|---|---|---|---|---|\n");
        Map<Integer, Double> baseWall = perRound(Mode.NONE, "wall");
        Map<Integer, Double> baseCpu = perRound(Mode.NONE, "cpu");
        Map<Integer, Double> baseHeap = perRound(Mode.NONE, "heap");
        double jacocoRatio = Stats.medianRatio(perRound(Mode.JACOCO, "wall"), baseWall);
        for (Mode mode : modes) {
            Map<Integer, Double> wall = perRound(mode, "wall");
            Run out = timedOut(mode);
            double ratio = Stats.medianRatio(wall, baseWall);
            String wallText = String.format("%.2f", Stats.median(new ArrayList<>(wall.values())));
            String ratioText = String.format("%.2f ×", ratio);
            boolean noJacoco = mode == Mode.NONE || mode == Mode.JACOCO || !modes.contains(Mode.JACOCO);
            String vsJacoco = noJacoco ? "" : String.format("%.2f", ratio / jacocoRatio);
            if (out != null) {
                double limit = out.wallNanos / 1e9 / Stats.median(new ArrayList<>(baseWall.values()));
                String t = String.format("> %.0f × (timed out after %.0f s)", Math.floor(limit), out.wallNanos / 1e9);
                if (wall.isEmpty()) {
                    wallText = String.format("> %.0f (timed out)", out.wallNanos / 1e9);
                    ratioText = t;
                    vsJacoco = noJacoco ? "" : String.format("> %.1f", Math.floor(limit) / jacocoRatio);
                } else {
                    ratioText += "; one run " + t;
                }
            }
            Map<Integer, Double> cpu = perRound(mode, "cpu");
            sb.append(String.format("| %s | %d | %s | %s | %s | %s | %s | %s |%n", mode, wall.size(), wallText,
                    ratioText, num("%.2f", Stats.median(new ArrayList<>(cpu.values()))),
                    num("%.2f ×", Stats.medianRatio(cpu, baseCpu)), vsJacoco,
                    mode == Mode.NONE ? num("(a): %.1f MiB in use", Stats.median(new ArrayList<>(baseHeap.values())))
                            : num("%+.1f", Stats.medianDifference(perRound(mode, "heap"), baseHeap))));
        }
        threads(sb);
        if (!diag.isEmpty()) {
            diagnostics(sb);
        }
        tools(sb);
        if (check != null) {
            sb.append("\nCovered lines, our line+branch tool (e) vs JaCoCo (b), round 1:\n\n").append(check.markdown());
        }
        return sb.toString();
    }

    /** @return the value formatted, or a dash for NaN (no run finished) */
    private static String num(String format, double value) {
        return Double.isNaN(value) ? "—" : String.format(format, value);
    }

    /** CPU by thread kind ({@link ThreadCpu}), medians of the timed runs, where the runs recorded it. */
    private void threads(StringBuilder sb) {
        if (timed.stream().noneMatch(r -> r.result.containsKey("cpu.main"))) {
            return;
        }
        sb.append("\nCPU by thread when javac returned, s (medians of the timed runs; `ThreadCpu`): javac's thread, "
                + "the JIT compiler threads, the collector's, the rest:\n\n| mode | javac thread | JIT | GC | other |\n"
                + "|---|---|---|---|---|\n");
        for (Mode mode : modes) {
            sb.append("| ").append(mode);
            for (String kind : ThreadCpu.KINDS) {
                List<Double> v = new ArrayList<>();
                for (Run r : timed) {
                    if (r.mode == mode && r.ok() && r.result.containsKey("cpu." + kind)) {
                        v.add(r.value("cpu." + kind) / 1e9);
                    }
                }
                sb.append(" | ").append(num("%.2f", v.isEmpty() ? Double.NaN : Stats.median(v)));
            }
            sb.append(" |\n");
        }
    }

    private void diagnostics(StringBuilder sb) {
        sb.append("\nJIT, one untimed diagnostic run per mode (`-XX:+CITime -XX:+PrintCompilation`, JFR `jdk.Deoptimization`):\n\n");
        sb.append("| mode | JIT time s | code MiB | methods compiled | made not entrant | deopts (javac / all) "
                + "| bailouts in javac methods (new vs (a)) | top deopt reasons |\n|---|---|---|---|---|---|---|---|\n");
        JitStats base = null;
        for (Run r : diag) {
            JitStats jit = JitStats.parse(read(r.dir.resolve("stdout.txt")));
            if (r.mode == Mode.NONE) {
                base = jit;
            }
            Deopts d = Deopts.parse(read(r.dir.resolve("deopt.txt")), JAVAC);
            long javacSkipped = jit.skipped().keySet().stream().filter(k -> k.startsWith(JAVAC)).count();
            Map<String, Set<String>> fresh = base == null ? Map.of() : jit.newSkipped(JAVAC, base);
            String reasons = d.reasons().entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                    .limit(3).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            sb.append(String.format("| %s%s | %.2f | %.1f | %d | %d | %d / %d | %d (%d new%s) | %s |%n", r.mode,
                    r.timedOut ? " (timed out)" : "", jit.compileSeconds(), jit.codeBytes() / MIB, jit.methods(),
                    jit.notEntrant(), d.inPrefix(), d.total(), javacSkipped, fresh.size(), sampleSkipped(fresh),
                    reasons));
        }
    }

    private static String sampleSkipped(Map<String, Set<String>> fresh) {
        Map<String, Long> byReason = new TreeMap<>();
        fresh.values().forEach(rs -> rs.forEach(reason -> byReason.merge(reason, 1L, Long::sum)));
        return byReason.isEmpty() ? "" : ": " + byReason.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
    }

    private void tools(StringBuilder sb) {
        sb.append("\nWhat each tool saw (round 1):\n\n");
        for (Mode mode : modes) {
            for (Run r : timed) {
                if (r.mode == mode && r.round == 1) {
                    String counts = r.result.entrySet().stream().filter(e -> e.getKey().startsWith("tool."))
                            .map(e -> e.getKey().substring(5) + "=" + e.getValue()).collect(Collectors.joining(", "));
                    if (!counts.isEmpty()) {
                        sb.append("- ").append(mode).append(": ").append(counts).append('\n');
                    }
                }
            }
        }
    }

    /** @return one line per run, tab-separated, with a header line */
    String raw() {
        StringBuilder sb = new StringBuilder("round\tmode\tdiagnostic\twall_ms\ttimed_out\texit\tcpu_ms\theap_used_bytes"
                + "\tinstall_ms\tcompile_ms\tload_before\tload_after\ttool_counts\n");
        List<Run> all = new ArrayList<>(timed);
        all.addAll(diag);
        for (Run r : all) {
            sb.append(String.format("%d\t%s\t%b\t%.1f\t%b\t%d\t%.1f\t%.0f\t%.1f\t%.1f\t%s\t%s\t%s%n", r.round, r.mode.letter,
                    r.diagnostic, r.wallNanos / 1e6, r.timedOut, r.exitCode, r.value("cpuNanos") / 1e6,
                    r.value("heapUsed"), r.value("installNanos") / 1e6, r.value("compileNanos") / 1e6, r.loadBefore,
                    r.loadAfter, r.result.entrySet().stream().filter(e -> e.getKey().startsWith("tool."))
                            .map(e -> e.getKey().substring(5) + "=" + e.getValue()).collect(Collectors.joining(","))));
        }
        return sb.toString();
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
