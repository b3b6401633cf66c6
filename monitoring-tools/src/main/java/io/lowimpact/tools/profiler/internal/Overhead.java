package io.lowimpact.tools.profiler.internal;

import io.lowimpact.monitoring.CallTarget;
import java.util.function.LongSupplier;

/**
 * Estimates what one event costs the profiler's callbacks: times a scratch profiler's recorder, reached through its
 * {@link ThreadLocal} as the callbacks reach theirs, over the four kinds of update (start, return, call, external
 * return), on the profiler's own clock ({@link System#nanoTime()} per event, or the advancing clock's field). Measured
 * at a profiler's first snapshot. The dispatch from the probe to the callback (the monitoring runtime's part)
 * is not in it.
 */
public final class Overhead {

    private static final int WARMUP = 50_000;
    private static final int ROUNDS = 200_000;

    /** The last clock measured with, and its figure: one immutable pair. */
    private record Measured(LongSupplier clock, double nanos) {
    }

    private static volatile Measured last;

    private Overhead() {
    }

    /**
     * @param clock the profiler's clock, which the measurement reads as the profiler does
     * @return the estimated cost of one event inside the callbacks, in nanoseconds
     */
    public static double nanosPerEvent(LongSupplier clock) {
        Measured m = last;
        if (m == null || m.clock() != clock) {
            m = new Measured(clock, measure(clock));
            last = m;
        }
        return m.nanos();
    }

    private static double measure(LongSupplier clock) {
        Recorders scratch = new Recorders(clock);
        CallTarget external = new CallTarget("java.lang.Object", "hashCode", "()I", CallTarget.Kind.VIRTUAL);
        run(scratch, external, WARMUP);
        long t0 = System.nanoTime();
        run(scratch, external, ROUNDS);
        long t1 = System.nanoTime();
        return (t1 - t0) / (4.0 * ROUNDS);
    }

    private static void run(Recorders recorders, CallTarget external, int rounds) {
        for (int i = 0; i < rounds; i++) {
            recorders.current().start(1, null);
            recorders.current().call(external);
            recorders.current().externalExit(external);
            recorders.current().exit(1);
        }
    }
}
