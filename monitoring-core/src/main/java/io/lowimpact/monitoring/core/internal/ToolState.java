package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.ErrorHandler;
import io.lowimpact.monitoring.Event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of one tool id. Fields other than {@link #callbacks}, {@link #errorHandler} and the error counters
 * are guarded by the {@link Control} lock; {@code callbacks} is replaced, never mutated, so delivery reads it
 * without a lock.
 */
final class ToolState {

    private static final System.Logger LOG = System.getLogger("io.lowimpact.monitoring");

    final int id;
    /** Callbacks by event ordinal; copy-on-write. */
    volatile Object[] callbacks = new Object[Event.COUNT];
    volatile ErrorHandler errorHandler;
    /** Bumped at every claim and every free: a handle of an older generation is stale. */
    volatile int generation;
    volatile boolean inUse;
    String name;
    /** Global events, ancillary bits stripped (they follow CALL). */
    int globalMask;
    /**
     * Deferred events ({@code 1 << ordinal}, of {@code EventSet.DEFERRABLE}): written under the lock, read by the
     * dispatcher without it.
     */
    volatile int deferredMask;
    /** Counted events ({@code 1 << ordinal}, of {@code EventSet.COUNTABLE}), disjoint from {@link #deferredMask}. */
    volatile int countedMask;
    /** The count callback, wrapped for the dispatcher's table; null while no event is counted. */
    volatile Counter counter;
    /** What a flush took for this tool while its callback ran on the flushing thread, for its next flush. */
    final Queue<Deferral.Owed> owed = new ConcurrentLinkedQueue<>();
    /** Units that have a non-empty local set for this tool. */
    final Set<Unit> localUnits = new HashSet<>();
    /** Sites of the injection API this tool disabled; may hold stale entries whose bit was since cleared. */
    final List<Site> disabled = new ArrayList<>();
    /** Bytecode slots this tool disabled; may hold stale entries likewise. */
    final SlotMarks disabledSlots = new SlotMarks();
    /** Errors of the current claim; a new counter at each claim, so that a stale handle keeps its own count. */
    volatile AtomicLong errors = new AtomicLong();
    private final AtomicIntegerArray warned = new AtomicIntegerArray(Event.COUNT);

    ToolState(int id) {
        this.id = id;
    }

    Object callback(int eventOrdinal) {
        return callbacks[eventOrdinal];
    }

    /** @return what the dispatcher calls for the event: the {@link Counter} if the tool counts it, else its callback */
    Object dispatched(int eventOrdinal) {
        return (countedMask & 1 << eventOrdinal) != 0 ? counter : callbacks[eventOrdinal];
    }

    /** Replaces one callback; caller holds the lock. Returns the previous one. */
    Object setCallback(int eventOrdinal, Object callback) {
        Object[] copy = callbacks.clone();
        Object previous = copy[eventOrdinal];
        copy[eventOrdinal] = callback;
        callbacks = copy;
        return previous;
    }

    /** Counts the error and hands it to the tool's handler; never throws. */
    void reportError(Event<?> event, CodeUnit code, Throwable error) {
        errors.incrementAndGet();
        ErrorHandler handler = errorHandler;
        try {
            if (handler != null) {
                handler.onError(event, code, error);
            } else if (warned.compareAndSet(event.ordinal(), 0, 1)) {
                LOG.log(System.Logger.Level.WARNING, "tool " + id + " ('" + name + "'): " + event.name()
                        + " callback failed in " + code + " (further " + event.name()
                        + " errors of this tool are only counted)", error);
            }
        } catch (Throwable ignored) {
            // A failing error handler must not reach the monitored application either.
        }
    }

    void resetForClaim(String newName) {
        name = newName;
        generation++;
        inUse = true;
        errors = new AtomicLong();
        for (int i = 0; i < Event.COUNT; i++) {
            warned.set(i, 0);
        }
        errorHandler = null;
    }
}
