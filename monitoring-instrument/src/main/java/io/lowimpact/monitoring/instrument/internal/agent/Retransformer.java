package io.lowimpact.monitoring.instrument.internal.agent;

import java.lang.System.Logger.Level;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Brings loaded classes up to date when the probe kinds that tools need change (S39): the core's demand
 * listener. A pass retransforms, in batches, every loaded class that the JVM can modify, that the
 * {@link ClassFilter} accepts and that the engine says is out of date; the {@link AgentTransformer} then gives
 * each its new bytes. A batch the JVM refuses (it then changes none of its classes) is retried one class at a
 * time, and a class that fails alone is logged once and skipped.
 *
 * <p>Passes run on the thread that changed the demand, so that {@code setEvents} returns with the classes
 * retransformed. They are serialised; a change that arrives while a pass runs gets a pass of its own unless a
 * pass that started after the change has already covered it. A change made by the pass's own thread while it
 * runs (re-entrant) makes that pass run once more. Thread-safe.
 */
public final class Retransformer {

    /** Classes per {@link Instrumentation#retransformClasses} call: fewer safepoints, bounded memory. */
    static final int BATCH = 256;

    private final Instrumentation instrumentation;
    private final ClassFilter filter;
    private final Predicate<Class<?>> outOfDate;
    private final AgentLog log;
    private final int batchSize;

    private final ReentrantLock lock = new ReentrantLock();
    /** Demand changes seen; a ticket is the value after the change's increment. */
    private final AtomicLong requested = new AtomicLong();
    /** Every ticket up to this one is covered by a finished pass. Guarded by {@link #lock}. */
    private long covered;
    /** Set when the pass's own thread changed the demand again. Guarded by {@link #lock}. */
    private boolean again;

    /**
     * @param instrumentation the JVM's instrumentation
     * @param filter the classes that may be instrumented
     * @param outOfDate whether a loaded class must be retransformed (the engine's {@code needsRetransform})
     * @param log where failures go
     */
    public Retransformer(Instrumentation instrumentation, ClassFilter filter, Predicate<Class<?>> outOfDate,
            AgentLog log) {
        this(instrumentation, filter, outOfDate, log, BATCH);
    }

    Retransformer(Instrumentation instrumentation, ClassFilter filter, Predicate<Class<?>> outOfDate, AgentLog log,
            int batchSize) {
        this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation must not be null");
        this.filter = Objects.requireNonNull(filter, "filter must not be null");
        this.outOfDate = Objects.requireNonNull(outOfDate, "outOfDate must not be null");
        this.log = Objects.requireNonNull(log, "log must not be null");
        this.batchSize = batchSize;
    }

    /** The demand listener: brings every loaded class up to date. Never throws. */
    public void demandChanged() {
        if (lock.isHeldByCurrentThread()) {
            again = true;
            return;
        }
        long ticket = requested.incrementAndGet();
        lock.lock();
        try {
            if (covered >= ticket) {
                return;
            }
            do {
                again = false;
                long start = requested.get();
                pass();
                covered = Math.max(covered, start);
            } while (again);
        } catch (Throwable t) {
            log.log(Level.WARNING, "retransforming classes failed: " + AgentLog.reason(t), t);
        } finally {
            lock.unlock();
        }
    }

    /** One pass over the loaded classes. Caller holds the lock. */
    private void pass() {
        long started = System.nanoTime();
        List<Class<?>> batch = new ArrayList<>();
        int retransformed = 0;
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            if (filter.accepts(c.getName()) && instrumentation.isModifiableClass(c) && isOutOfDate(c)) {
                batch.add(c);
                if (batch.size() == batchSize) {
                    retransformed += retransform(batch);
                    batch.clear();
                }
            }
        }
        retransformed += retransform(batch);
        if (retransformed > 0 && log.isLoggable(Level.DEBUG)) {
            log.log(Level.DEBUG, "retransformed " + retransformed + " classes in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms", null);
        }
    }

    private boolean isOutOfDate(Class<?> c) {
        try {
            return outOfDate.test(c);
        } catch (Throwable t) {
            String what = AgentLog.describe(c.getName(), c.getClassLoader());
            log.warnOnce("check " + what, "cannot tell whether " + what + " needs retransforming: "
                    + AgentLog.reason(t) + "; skipping it", t);
            return false;
        }
    }

    /** Retransforms a batch, or its classes one by one if the batch fails; returns how many succeeded. */
    private int retransform(List<Class<?>> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            instrumentation.retransformClasses(batch.toArray(new Class<?>[0]));
            return batch.size();
        } catch (Throwable batchFailure) {
            int done = 0;
            for (Class<?> c : batch) {
                try {
                    instrumentation.retransformClasses(c);
                    done++;
                } catch (Throwable t) {
                    String what = AgentLog.describe(c.getName(), c.getClassLoader());
                    log.warnOnce("retransform " + what, "cannot retransform " + what + ": " + AgentLog.reason(t)
                            + "; it keeps its current code", t);
                }
            }
            return done;
        }
    }
}
