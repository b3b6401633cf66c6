package io.lowimpact.monitoring.benchmarks;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;

/**
 * design.md P2's core: once every tool has DISABLEd a probe, does invoking its call site once per iteration of a hot
 * loop cost nothing, as a {@code MutableCallSite} whose target the JIT folds to a no-op should?
 *
 * <p>Two tools set LINE and return DISABLE; {@link #setUp} fires the probe once through its call site so both
 * disable it, which patches the call site's target to a no-op before anything is compiled. Every method sums an
 * int array: {@link #baseline} alone, {@link #patchedOut} invoking the probe's dynamic invoker
 * (a {@code static final} handle, as an {@code invokedynamic} instruction would bind it) per element, and
 * {@link #isActiveCheck} guarding with {@code if (probe.isActive()) probe.fire();} instead. Scores are ns per pass.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PatchedOutBenchmark {

    private static final Probe PROBE = Monitoring.probe(Fixtures.unit("bench.PatchedOut", 1), Event.LINE, 0);
    private static final MethodHandle INVOKER = PROBE.callSite().dynamicInvoker();

    /** Elements per pass. */
    @Param({"1024"})
    public int size;

    private int[] values;
    private Tool coverage;
    private Tool profiler;
    private int deliveries;

    /**
     * Claims two tools that disable every LINE location they see, and lets both disable the probe.
     *
     * @throws Throwable never: the call site's target is the probe's fire method
     */
    @Setup
    public void setUp() throws Throwable {
        values = Fixtures.randomInts(size);
        coverage = disablingTool(Monitoring.COVERAGE_ID, "coverage");
        profiler = disablingTool(Monitoring.PROFILER_ID, "profiler");
        Fixtures.requireActive(new Probe[] {PROBE}, true, "active before the warm-up delivery");
        INVOKER.invokeExact();
        if (deliveries != 2) {
            throw new IllegalStateException("warm-up delivered " + deliveries + " events, expected 2 (one per tool)");
        }
        Fixtures.requireActive(new Probe[] {PROBE}, false, "disabled by every tool");
    }

    private Tool disablingTool(int id, String name) {
        Tool tool = Monitoring.useToolId(id, name);
        tool.registerCallback(Event.LINE, (code, line) -> {
            deliveries++;
            return Action.DISABLE;
        });
        tool.setEvents(EventSet.of(Event.LINE));
        return tool;
    }

    /** Checks that nothing was delivered after the warm-up, then frees the tools. */
    @TearDown
    public void tearDown() {
        coverage.close();
        profiler.close();
        if (deliveries != 2) {
            throw new IllegalStateException("a disabled probe delivered: " + deliveries + " events in all");
        }
    }

    /**
     * The loop alone.
     *
     * @return the sum
     */
    @Benchmark
    public int baseline() {
        int[] a = values;
        int sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i];
        }
        return sum;
    }

    /**
     * The loop invoking the disabled probe's call site per element.
     *
     * @return the sum
     * @throws Throwable never: the target is a no-op
     */
    @Benchmark
    public int patchedOut() throws Throwable {
        int[] a = values;
        int sum = 0;
        for (int i = 0; i < a.length; i++) {
            INVOKER.invokeExact();
            sum += a[i];
        }
        return sum;
    }

    /**
     * The loop checking the disabled probe per element.
     *
     * @return the sum
     */
    @Benchmark
    public int isActiveCheck() {
        int[] a = values;
        Probe probe = PROBE;
        int sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (probe.isActive()) {
                probe.fire();
            }
            sum += a[i];
        }
        return sum;
    }
}
