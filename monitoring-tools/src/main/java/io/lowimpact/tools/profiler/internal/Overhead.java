package io.lowimpact.tools.profiler.internal;

import io.lowimpact.monitoring.CallTarget;
import java.util.function.LongSupplier;

/**
 * Estimates what one event costs the profiler's callbacks: times a scratch profiler's recorder, reached through its
 * {@link ThreadLocal} as the callbacks reach theirs, over the four kinds of update (start, return, call, external
 * return), on the profiler's kind of clock ({@link System#nanoTime()} per event, or a field read). Measured once per
 * JVM and kind, at the first snapshot. The dispatch from the probe to the callback (the monitoring runtime's part)
 * is not in it.
 */
public final class Overhead {

    private static final int WARMUP = 50_000;
    private static final int ROUNDS = 200_000;

    private static volatile double exactNanos = -1;
    private static volatile double fieldNanos = -1;
    private static volatile long field;

    private Overhead() {
    }

    /**
     * @param clock the profiler's clock
     * @return the estimated cost of one event inside the callbacks, in nanoseconds
     */
    public static double nanosPerEvent(LongSupplier clock) {
        boolean exact = clock == Recorders.NANO_TIME;
        double n = exact ? exactNanos : fieldNanos;
        if (n < 0) {
            n = measure(exact ? Recorders.NANO_TIME : () -> field);
            if (exact) {
                exactNanos = n;
            } else {
                fieldNanos = n;
            }
        }
        return n;
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
