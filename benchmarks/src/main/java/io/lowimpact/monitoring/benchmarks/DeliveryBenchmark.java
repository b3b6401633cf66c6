package io.lowimpact.monitoring.benchmarks;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.LineCallback;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.StartCallback;
import io.lowimpact.monitoring.Tool;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;

/**
 * design.md P3: with one tool and one enabled no-op callback, what does one delivered event cost, and is it at most
 * 5 ns on C2?
 *
 * <p>Each operation delivers one event: {@link #lineFire} and {@link #startFire} through {@link Probe#fire()},
 * {@link #lineCallSite} through the probe's call site as generated code uses it (its dynamic invoker in a
 * {@code static final} field, called with {@code invokeExact}). {@link #baseline} calls the same no-op
 * {@link LineCallback} directly through its interface, so {@code score - baseline} is what the runtime adds to
 * the callback's own cost. The callbacks count their calls; {@link #check} fails the trial if the measured
 * method never reached its callback.
 *
 * <p>{@link #threadLocalLookup} is a diagnostic, not a delivery: the per-thread lookup that the dispatcher makes
 * for every event (a {@code ThreadLocal.get()} and a read of the object it returns), alone, to show how much of
 * a delivery it accounts for.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DeliveryBenchmark {

    private static final CodeUnit UNIT = Fixtures.unit("bench.Delivery", 1);
    private static final Probe LINE = Monitoring.probe(UNIT, Event.LINE, 0);
    private static final Probe START = Monitoring.probe(UNIT, Event.METHOD_START, 0);
    private static final MethodHandle LINE_INVOKER = LINE.callSite().dynamicInvoker();
    /** Shaped like the dispatcher's per-thread record of running callbacks. */
    private static final ThreadLocal<int[]> RUNNING = ThreadLocal.withInitial(() -> new int[1]);

    /** A LINE callback that only counts. */
    static final class NoOpLine implements LineCallback {
        long calls;

        @Override
        public Action onLine(CodeUnit code, int line) {
            calls++;
            return Action.CONTINUE;
        }
    }

    /** A METHOD_START callback that only counts. */
    static final class NoOpStart implements StartCallback {
        long calls;

        @Override
        public Action onStart(CodeUnit code, int offset) {
            calls++;
            return Action.CONTINUE;
        }
    }

    private final NoOpLine lineCallback = new NoOpLine();
    private final NoOpStart startCallback = new NoOpStart();
    /** The baseline's callback, held in a plain field as a tool would hold it. */
    private LineCallback callback;
    private CodeUnit unit;
    private int line;
    private Tool tool;

    /** Claims a tool with both callbacks and sets LINE and METHOD_START globally. */
    @Setup
    public void setUp() {
        tool = Monitoring.useToolId(Monitoring.PROFILER_ID, "delivery-benchmark");
        tool.registerCallback(Event.LINE, lineCallback);
        tool.registerCallback(Event.METHOD_START, startCallback);
        tool.setEvents(EventSet.of(Event.LINE, Event.METHOD_START));
        Fixtures.requireActive(new Probe[] {LINE, START}, true, "active (one tool, events set)");
        callback = lineCallback;
        unit = UNIT;
        line = 1;
    }

    /**
     * Frees the tool, then checks that the measured method reached its callback.
     *
     * @param params names the measured method
     */
    @TearDown
    public void check(BenchmarkParams params) {
        tool.close();
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        long calls = method.equals("startFire") ? startCallback.calls
                : method.equals("threadLocalLookup") ? 1 // delivers nothing by design
                : lineCallback.calls;
        if (calls == 0) {
            throw new IllegalStateException(method + " delivered no event");
        }
    }

    /**
     * A direct interface call of the no-op LINE callback.
     *
     * @return the callback's answer
     */
    @Benchmark
    public Action baseline() {
        return callback.onLine(unit, line);
    }

    /** One LINE event through {@link Probe#fire()}. */
    @Benchmark
    public void lineFire() {
        LINE.fire();
    }

    /** One METHOD_START event through {@link Probe#fire()}. */
    @Benchmark
    public void startFire() {
        START.fire();
    }

    /**
     * One LINE event through the probe's call site, as generated code fires it.
     *
     * @throws Throwable never: the target is the probe's own fire method
     */
    @Benchmark
    public void lineCallSite() throws Throwable {
        LINE_INVOKER.invokeExact();
    }

    /**
     * Diagnostic: the dispatcher's per-event {@code ThreadLocal} lookup, alone.
     *
     * @return the looked-up value
     */
    @Benchmark
    public int threadLocalLookup() {
        return RUNNING.get()[0];
    }
}
