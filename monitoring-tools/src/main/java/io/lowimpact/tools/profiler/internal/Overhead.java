package io.lowimpact.tools.profiler.internal;

import io.lowimpact.monitoring.CallTarget;

/**
 * Estimates what one event costs the profiler's callbacks: times a scratch profiler's recorder, reached through its
 * {@link ThreadLocal} as the callbacks reach theirs, over the four kinds of update (start, return, call, external
 * return), on {@link System#nanoTime()}. Measured once per JVM, at the first snapshot. The dispatch from the probe to
 * the callback (the monitoring runtime's part) is not in it.
 */
public final class Overhead {

    private static final int WARMUP = 50_000;
    private static final int ROUNDS = 200_000;

    private static volatile double nanosPerEvent = -1;

    private Overhead() {
    }

    /** @return the estimated cost of one event inside the callbacks, in nanoseconds */
    public static double nanosPerEvent() {
        double n = nanosPerEvent;
        if (n < 0) {
            n = measure();
            nanosPerEvent = n;
        }
        return n;
    }

    private static double measure() {
        Recorders scratch = new Recorders(Recorders.NANO_TIME);
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
