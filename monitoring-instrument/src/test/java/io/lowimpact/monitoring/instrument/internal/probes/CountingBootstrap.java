package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.core.internal.Bootstrap;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the core's {@link Bootstrap} in classes whose probes {@link ProbeCostTest} redirects here: counts
 * every call into the runtime, then makes it.
 */
public final class CountingBootstrap {

    /** Calls of a {@code fire} method so far. */
    public static final AtomicInteger FIRES = new AtomicInteger();

    private CountingBootstrap() {
    }

    public static byte[] masks(MethodHandles.Lookup lookup, String name, Class<?> type, int classId) {
        return Bootstrap.masks(lookup, name, type, classId);
    }

    public static void fire(int classId, int slot) {
        FIRES.incrementAndGet();
        Bootstrap.fire(classId, slot);
    }
}
