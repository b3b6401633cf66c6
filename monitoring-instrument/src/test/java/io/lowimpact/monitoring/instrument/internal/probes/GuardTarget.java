package io.lowimpact.monitoring.instrument.internal.probes;

/** The target of {@link ProbeCostTest}: a guard whose error path a run never takes. Keep its lines where they are. */
public final class GuardTarget {

    private GuardTarget() {
    }

    public static int check(Object x) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        return 1;
    }
}
