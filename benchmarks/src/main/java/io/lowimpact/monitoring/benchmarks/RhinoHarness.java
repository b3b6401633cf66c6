package io.lowimpact.monitoring.benchmarks;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.rhino.RhinoMonitoring;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link RhinoBenchmark}'s question, answered on a shared machine: the three variants run in one JVM, interleaved
 * round by round (the order rotates), so that load from other processes falls on all of them alike, and each round
 * is timed by the benchmark thread's own CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()}), which other
 * processes' load does not inflate the way it inflates wall time (caches and memory bandwidth are still shared).
 * The first quarter of the rounds warms up and is not counted. Per variant it prints the median and the minimum
 * over the counted rounds of the CPU time per pass, and the ratios to the baseline.
 *
 * <p>Variants: {@code baseline}, the workload compiled and run on a context without hooks; {@code installedIdle},
 * compiled and run on installed contexts, no tool receiving any of its events; {@code lineCoverage}, a third
 * compilation (units of its own) under a coverage tool that set LINE as local events of exactly those units and
 * DISABLEs each line at its first hit, every line seen in a first pass. Local events keep the other two variants
 * free of listeners in the same JVM.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.lowimpact.monitoring.benchmarks.RhinoHarness
 * [rounds [passes]]} (defaults 40 and 200).
 */
public final class RhinoHarness {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private RhinoHarness() {
    }

    /** One compiled workload and how to enter a context for it. */
    private static final class Variant {
        final String name;
        final boolean hooks;
        final Script script;
        final double[] perPass;

        Variant(String name, boolean hooks, String sourceName, int rounds) {
            this.name = name;
            this.hooks = hooks;
            this.perPass = new double[rounds];
            Context cx = enter(hooks);
            try {
                script = cx.compileString(RhinoBenchmark.source(), sourceName, 1, null);
            } finally {
                Context.exit();
            }
        }
    }

    static Context enter(boolean hooks) {
        Context cx = Context.enter();
        cx.setInterpretedMode(true);
        if (hooks) {
            RhinoMonitoring.install(cx);
        }
        return cx;
    }

    static Object pass(Context cx, Script script, Scriptable shared) {
        Scriptable scope = cx.newObject(shared);
        scope.setPrototype(shared);
        scope.setParentScope(null);
        return script.exec(cx, scope, scope);
    }

    /**
     * @param args rounds and passes per round, optional
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Variant[] variants = {
            new Variant("baseline", false, "baseline.js", rounds),
            new Variant("installedIdle", true, "idle.js", rounds),
            new Variant("lineCoverage", true, "covered.js", rounds),
        };
        Scriptable shared;
        Context cx = enter(false);
        try {
            shared = cx.initStandardObjects();
        } finally {
            Context.exit();
        }
        AtomicLong lines = new AtomicLong();
        try (Tool coverage = Monitoring.useToolId(Monitoring.COVERAGE_ID, "rhino line coverage")) {
            coverage.registerCallback(Event.LINE, (code, line) -> {
                lines.incrementAndGet();
                return Action.DISABLE;
            });
            for (CodeUnit unit : RhinoMonitoring.units("covered.js")) {
                coverage.setLocalEvents(unit, EventSet.of(Event.LINE));
            }
            run(variants[2], shared, 1);
            long seen = lines.get();
            int warmup = rounds / 4;
            for (int round = -warmup; round < rounds; round++) {
                for (int k = 0; k < variants.length; k++) {
                    Variant v = variants[Math.floorMod(round + k, variants.length)];
                    double us = run(v, shared, passes) / 1e3 / passes;
                    if (round >= 0) {
                        v.perPass[round] = us;
                    }
                }
            }
            if (seen == 0 || lines.get() != seen) {
                throw new IllegalStateException("coverage saw " + seen + " lines, then " + (lines.get() - seen)
                        + " more");
            }
            System.out.printf(Locale.ROOT, "%d rounds (after %d of warm-up) of %d passes, thread CPU time;"
                    + " coverage saw %d lines once%n", rounds, warmup, passes, seen);
        }
        double baseMedian = median(variants[0].perPass);
        double baseMin = min(variants[0].perPass);
        for (Variant v : variants) {
            double median = median(v.perPass);
            double min = min(v.perPass);
            System.out.printf(Locale.ROOT,
                    "%-14s median %8.1f us/pass  min %8.1f us/pass  ratio median %.3f  min %.3f%n",
                    v.name, median, min, median / baseMedian, min / baseMin);
        }
    }

    /** @return the thread's CPU nanoseconds for {@code passes} passes on a fresh context */
    private static long run(Variant v, Scriptable shared, int passes) {
        Context cx = enter(v.hooks);
        try {
            long t0 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < passes; i++) {
                pass(cx, v.script, shared);
            }
            return CPU.getCurrentThreadCpuTime() - t0;
        } finally {
            Context.exit();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }
}
