package io.lowimpact.monitoring.benchmarks;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * design.md P5: does {@code restartEvents()} cost at most 100 ns per re-enabled site, and nothing for the sites
 * other tools disabled?
 *
 * <p>Tool A has 1,000 disabled LINE sites, tool B {@code bSites} (10,000, or 0 to show that B's
 * count changes nothing); each tool sets LINE locally on its own units and disables every location it sees.
 * An operation of {@link #restartAndRedisable} restarts A and fires each of A's sites once, so that A disables
 * them again and the next operation starts from the same state. {@link #baseline} is that re-disable pass alone
 * (A is restarted before each call, untimed), and {@link #restartOnly} the restart alone (A's sites re-disabled
 * before each call, untimed): {@code restartAndRedisable - baseline} and {@code restartOnly} are two estimates
 * of the restart's cost. Scores are per site of A ({@code @OperationsPerInvocation}), so they read directly
 * against the 100 ns target.
 *
 * <p>{@code linked=true} first asks every probe for its {@link Probe#callSite() call site}, as a bytecode probe
 * that has run once has one: each re-enable and each re-disable then also flips that call site's target.
 * The benchmark never invokes those call sites, so no compiled code depends on them and no deoptimization
 * follows a flip: a lower bound for linked bytecode probes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RestartBenchmark {

    /** How many sites tool A disables. */
    static final int A_SITES = 1000;
    private static final int LINES_PER_UNIT = 100;

    /** The two tools and their disabled sites. */
    @State(Scope.Benchmark)
    public static class Sites {
        /** How many sites tool B disables. */
        @Param({"10000", "0"})
        public int bSites;
        /** Whether every site has its call site made. */
        @Param({"false", "true"})
        public boolean linked;

        Tool a;
        Tool b;
        Probe[] aProbes;
        Probe[] bProbes;
        long aDeliveries;
        long bDeliveries;

        /** Claims A and B, makes their sites and lets each tool disable all of its own. */
        @Setup(Level.Trial)
        public void setUp() {
            a = Monitoring.useToolId(Monitoring.COVERAGE_ID, "A");
            b = Monitoring.useToolId(Monitoring.PROFILER_ID, "B");
            a.registerCallback(Event.LINE, (code, line) -> {
                aDeliveries++;
                return Action.DISABLE;
            });
            b.registerCallback(Event.LINE, (code, line) -> {
                bDeliveries++;
                return Action.DISABLE;
            });
            aProbes = probesFor(a, "bench.restart.a", A_SITES);
            bProbes = probesFor(b, "bench.restart.b", bSites);
            Fixtures.requireActive(aProbes, true, "active for A before the first delivery");
            Fixtures.requireActive(bProbes, true, "active for B before the first delivery");
            Fixtures.fireAll(aProbes);
            Fixtures.fireAll(bProbes);
            Fixtures.requireActive(aProbes, false, "disabled by A");
            Fixtures.requireActive(bProbes, false, "disabled by B");
            if (linked) {
                for (Probe p : aProbes) {
                    p.callSite();
                }
                for (Probe p : bProbes) {
                    p.callSite();
                }
            }
        }

        private Probe[] probesFor(Tool tool, String prefix, int count) {
            List<Probe> probes = new ArrayList<>(count);
            for (int u = 0; u * LINES_PER_UNIT < count; u++) {
                CodeUnit unit = Fixtures.unit(prefix + u, Math.min(LINES_PER_UNIT, count - u * LINES_PER_UNIT));
                tool.setLocalEvents(unit, EventSet.of(Event.LINE));
                probes.addAll(List.of(Fixtures.lineProbes(unit)));
            }
            return probes.toArray(new Probe[0]);
        }

        /** Fires each of A's sites once: after a restart, A disables each again. */
        void redisableA() {
            Fixtures.fireAll(aProbes);
        }

        /** Checks that B was never re-enabled and that A got whole passes, then frees both tools. */
        @TearDown(Level.Trial)
        public void tearDown() {
            Fixtures.requireActive(bProbes, false, "still disabled by B");
            a.close();
            b.close();
            if (bDeliveries != bSites) {
                throw new IllegalStateException("B got " + bDeliveries + " events, expected " + bSites);
            }
            if (aDeliveries % A_SITES != 0) {
                throw new IllegalStateException("A got " + aDeliveries + " events, not whole passes of " + A_SITES);
            }
        }
    }

    /** Restarts A before each call, untimed. */
    @State(Scope.Thread)
    public static class Restarted {
        /**
         * @param sites the tools
         */
        @Setup(Level.Invocation)
        public void restart(Sites sites) {
            sites.a.restartEvents();
        }
    }

    /** Re-disables A's sites before each call, untimed. */
    @State(Scope.Thread)
    public static class Redisabled {
        /**
         * @param sites the tools
         */
        @Setup(Level.Invocation)
        public void redisable(Sites sites) {
            sites.redisableA();
        }
    }

    /**
     * The re-disable pass alone: A's sites were just restarted.
     *
     * @param sites the tools
     * @param restarted restarts A before the call
     */
    @Benchmark
    @OperationsPerInvocation(A_SITES)
    public void baseline(Sites sites, Restarted restarted) {
        sites.redisableA();
    }

    /**
     * Restart A, then re-disable its sites.
     *
     * @param sites the tools
     */
    @Benchmark
    @OperationsPerInvocation(A_SITES)
    public void restartAndRedisable(Sites sites) {
        sites.a.restartEvents();
        sites.redisableA();
    }

    /**
     * The restart alone: A's sites were just re-disabled.
     *
     * @param sites the tools
     * @param redisabled re-disables A's sites before the call
     */
    @Benchmark
    @OperationsPerInvocation(A_SITES)
    public void restartOnly(Sites sites, Redisabled redisabled) {
        sites.a.restartEvents();
    }
}
