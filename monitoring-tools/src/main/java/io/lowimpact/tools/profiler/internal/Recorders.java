package io.lowimpact.tools.profiler.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The recorders of one profiler, one per thread that delivered an event. A thread reaches its own through the
 * recorder that was current last (a field read and a comparison with {@link Thread#currentThread()}), else with
 * one {@link ThreadLocal} lookup, which makes it the last one; the first event of a thread registers a new one (the
 * only lock, once per thread). Recorders of threads that ended stay, with what they recorded.
 */
public final class Recorders {

    /** {@link System#nanoTime()}: recorders on this clock call it directly instead of through the supplier. */
    public static final LongSupplier NANO_TIME = System::nanoTime;

    private final LongSupplier clock;
    private final PathBudget budget;
    private final FrameKeys keys = new FrameKeys();
    private final List<Recorder> all = new ArrayList<>();
    private final ThreadLocal<Recorder> current = ThreadLocal.withInitial(this::register);
    /**
     * The recorder found last, by any thread. A plain field: a thread that reads another's recorder here sees that
     * its {@link Recorder#thread()} (a final field) is not itself and takes the slow path.
     */
    private Recorder last;

    /** @param clock the time source, in nanoseconds; the trees have no limit but the heap's */
    public Recorders(LongSupplier clock) {
        this(clock, PathBudget.of(Long.MAX_VALUE));
    }

    /**
     * @param clock the time source, in nanoseconds
     * @param budget the call paths that all threads' trees may make together
     */
    public Recorders(LongSupplier clock, PathBudget budget) {
        this.clock = clock;
        this.budget = budget;
    }

    /** @return the current thread's recorder */
    public Recorder current() {
        Recorder r = last;
        if (r != null && r.thread() == Thread.currentThread()) {
            return r;
        }
        return currentSlow();
    }

    private Recorder currentSlow() {
        Recorder r = current.get();
        last = r;
        return r;
    }

    private Recorder register() {
        Recorder r = new Recorder(clock, keys, Thread.currentThread(), budget);
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
