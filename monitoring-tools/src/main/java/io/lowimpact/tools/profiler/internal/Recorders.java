package io.lowimpact.tools.profiler.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The recorders of one profiler, one per thread that delivered an event. A thread reaches its own with one
 * {@link ThreadLocal} lookup; the first event of a thread registers a new one (the only lock, once per thread).
 * Recorders of threads that ended stay, with what they recorded.
 */
public final class Recorders {

    private final LongSupplier clock;
    private final FrameKeys keys = new FrameKeys();
    private final List<Recorder> all = new ArrayList<>();
    private final ThreadLocal<Recorder> current = ThreadLocal.withInitial(this::register);

    /** @param clock the time source, in nanoseconds */
    public Recorders(LongSupplier clock) {
        this.clock = clock;
    }

    /** @return the current thread's recorder */
    public Recorder current() {
        return current.get();
    }

    private Recorder register() {
        Recorder r = new Recorder(clock, keys, Thread.currentThread());
        synchronized (all) {
            all.add(r);
        }
        return r;
    }

    /** @return the time source */
    public LongSupplier clock() {
        return clock;
    }

    /** @return the external frame keys */
    public FrameKeys keys() {
        return keys;
    }

    /**
     * @param now the time that open frames are counted to
     * @return every thread's data, in the order the threads first recorded
     */
    public List<ThreadData> snapshot(long now) {
        List<Recorder> copy;
        synchronized (all) {
            copy = new ArrayList<>(all);
        }
        List<ThreadData> data = new ArrayList<>(copy.size());
        for (Recorder r : copy) {
            data.add(r.snapshot(now));
        }
        return data;
    }
}
