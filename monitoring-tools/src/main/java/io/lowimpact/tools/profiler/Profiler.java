package io.lowimpact.tools.profiler;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.tools.profiler.internal.Callbacks;
import io.lowimpact.tools.profiler.internal.Frames;
import io.lowimpact.tools.profiler.internal.Overhead;
import io.lowimpact.tools.profiler.internal.PathBudget;
import io.lowimpact.tools.profiler.internal.Recorder;
import io.lowimpact.tools.profiler.internal.Recorders;
import io.lowimpact.tools.profiler.internal.ThreadData;
import io.lowimpact.tools.profiler.internal.TickClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * An instrumenting profiler on Lowimpact's public API: it counts and times every call of instrumented code
 * ({@code METHOD_START}, {@code METHOD_RETURN}, {@code METHOD_UNWIND}), and the time spent in calls to code that is
 * not instrumented, the JDK or excluded classes ({@code CALL} with {@code EXTERNAL_RETURN}/{@code EXTERNAL_RAISE}),
 * attributing it to the callee's name. Units defined through the injection API count like methods.
 *
 * <pre>{@code
 * Profiler profiler = Profiler.start();          // tool id 2 (Monitoring.PROFILER_ID)
 * runWorkload();
 * Profile profile = profiler.snapshot();
 * System.out.println(profile.table(20));
 * profile.write(Path.of("profile"), "run1");     // run1.txt, run1.collapsed, run1.html
 * profiler.stop();
 * }</pre>
 *
 * <p>Each thread records into its own state without locks and, in steady state, without allocating: a shadow
 * stack and a calling-context tree (one node per distinct call path). Recursion is counted once in inclusive
 * times; an exception unwinding frames closes each of them. The profiler's own cost is in every {@link Profile}:
 * the events it received and an estimate of the time its callbacks took.
 *
 * <p>It is one tool among others: its only {@code DISABLE} is of {@code CALL} at a call site once that site's callee
 * is known to be instrumented (its {@code METHOD_START} says as much: at once for a static, constructor or private
 * call, after 64 calls for a virtual or interface call), which is its own tool's mark; other tools (a coverage tool
 * on id 1) neither disturb it nor are disturbed. It keeps at most {@link Builder#maxCallPaths} call paths. Times
 * come from a clock that advances every millisecond unless {@link Builder#clockPeriod} says otherwise. Thread-safe.
 */
public final class Profiler implements AutoCloseable {

    /** The events the profiler sets. */
    public static final EventSet EVENTS = EventSet.of(Event.METHOD_START, Event.METHOD_RETURN, Event.METHOD_UNWIND,
            Event.CALL, Event.EXTERNAL_RETURN, Event.EXTERNAL_RAISE);

    /** The name the profiler claims its tool id with. */
    public static final String TOOL_NAME = "lowimpact-profiler";

    private final Tool tool;
    private final Recorders recorders;
    private volatile long stoppedAt = -1;

    private Profiler(Tool tool, Recorders recorders) {
        this.tool = tool;
        this.recorders = recorders;
    }

    /**
     * Starts a profiler on {@link Monitoring#PROFILER_ID}, timing with a clock that advances every millisecond
     * (see {@link Builder#clockPeriod(Duration)}).
     *
     * @return the running profiler
     * @throws IllegalStateException if the id is in use, or no monitoring runtime is present
     */
    public static Profiler start() {
        return builder().start();
    }

    /** @return a builder for a profiler with other settings */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A snapshot of everything recorded so far; frames still open count up to now (or to {@link #stop()}).
     *
     * @return the profile
     */
    public Profile snapshot() {
        Recorder self = recorders.current();
        self.mute(); // the profiler's own code, if instrumented, stays out of its profile
        try {
            long stopped = stoppedAt;
            long now = stopped >= 0 ? stopped : recorders.clock().getAsLong();
            List<ThreadData> data = recorders.snapshot(now);
            return new Profile(data, new Frames(data, recorders.keys()), Overhead.nanosPerEvent(recorders.clock()));
        } finally {
            self.unmute();
        }
    }

    /**
     * Stops recording and frees the tool id; what was recorded stays available to {@link #snapshot()}. Does nothing
     * the second time.
     */
    public synchronized void stop() {
        if (stoppedAt >= 0) {
            return;
        }
        stoppedAt = recorders.clock().getAsLong();
        tool.close();
        if (recorders.clock() instanceof TickClock) {
            ((TickClock) recorders.clock()).stop();
        }
    }

    /** @return whether the profiler records, that is, has not been stopped */
    public boolean isRunning() {
        return stoppedAt < 0;
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Writes a snapshot when the JVM exits (a shutdown hook): {@code profile-<pid>.txt}, {@code .collapsed} and
     * {@code .html} in {@code dir}. The profiler keeps recording other threads meanwhile.
     *
     * @param dir the directory, created if needed
     */
    public void writeAtExit(Path dir) {
        Objects.requireNonNull(dir, "dir must not be null");
        Thread hook = new Thread(() -> {
            recorders.current().mute();
            snapshot().write(dir, "profile-" + ProcessHandle.current().pid());
        }, "lowimpact-profiler-exit");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Settings of a profiler: its tool id and clock. */
    public static final class Builder {

        private int toolId = Monitoring.PROFILER_ID;
        private LongSupplier clock;
        private Duration period = Duration.ofNanos(TickClock.DEFAULT_PERIOD_NANOS);
        private long maxCallPaths = -1;

        private Builder() {
        }

        /**
         * The most call paths (nodes of the calling-context trees, all threads together) the profiler keeps. A call
         * on a new path past the limit is counted in {@link Profile#untrackedCalls()} instead, and its time as its
         * caller's own; every path made before stays exact. Unless set, one path per 256 bytes of the heap's limit
         * ({@link Runtime#maxMemory()}) and at least 65,536: the trees then take at most about a seventh of the heap,
         * so that a deeply recursive program, which has millions of paths, cannot run out of memory because it is
         * profiled.
         *
         * @param max the most call paths, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code max} is below 1
         */
        public Builder maxCallPaths(long max) {
            PathBudget.of(max); // checks it
            this.maxCallPaths = max;
            return this;
        }

        /**
         * @param id the tool id to claim, 0 to 5; {@link Monitoring#PROFILER_ID} unless set
         * @return this builder
         */
        public Builder toolId(int id) {
            this.toolId = id;
            return this;
        }

        /**
         * @param nanoTime the time source, in nanoseconds, read at every event (tests give a counter so that times
         *        are exact); replaces {@link #clockPeriod(Duration)}
         * @return this builder
         */
        public Builder clock(LongSupplier nanoTime) {
            this.clock = Objects.requireNonNull(nanoTime, "nanoTime must not be null");
            return this;
        }

        /**
         * How the profiler times: by a clock that a daemon thread advances from {@link System#nanoTime()} every
         * {@code period} (one millisecond unless set), or with {@link Duration#ZERO} by calling
         * {@code System.nanoTime()} at every event. A read of the advancing clock is a field load, where
         * {@code System.nanoTime()} costs 25–30 ns on a virtual machine, as much as the rest of an event. Its times
         * are counted in whole periods: a frame shorter than a period gets one period or none, with the probability
         * of its length over the period, so that the sums over many calls are the real times (as a sampler's are);
         * call counts are exact either way, and so is every sum (self plus callees is inclusive).
         *
         * @param period how often the clock advances, or zero to read {@code System.nanoTime()} per event
         * @return this builder
         * @throws IllegalArgumentException if the period is negative
         */
        public Builder clockPeriod(Duration period) {
            Objects.requireNonNull(period, "period must not be null");
            if (period.isNegative()) {
                throw new IllegalArgumentException("the clock period must not be negative: " + period);
            }
            this.period = period;
            this.clock = null;
            return this;
        }

        /**
         * Claims the tool id, registers the callbacks and sets {@link Profiler#EVENTS}.
         *
         * @return the running profiler
         * @throws IllegalArgumentException if the id is out of range
         * @throws IllegalStateException if the id is in use, or no monitoring runtime is present
         */
        public Profiler start() {
            LongSupplier time = clock != null ? clock
                    : period.isZero() ? Recorders.NANO_TIME : TickClock.start(period.toNanos());
            PathBudget budget = maxCallPaths > 0 ? PathBudget.of(maxCallPaths)
                    : PathBudget.forHeap(Runtime.getRuntime().maxMemory());
            Recorders recorders = new Recorders(time, budget);
            Callbacks callbacks = new Callbacks(recorders);
            Tool tool = Monitoring.useToolId(toolId, TOOL_NAME);
            tool.registerCallback(Event.METHOD_START, callbacks);
            tool.registerCallback(Event.METHOD_RETURN, callbacks);
            tool.registerCallback(Event.METHOD_UNWIND, callbacks);
            tool.registerCallback(Event.CALL, callbacks);
            tool.registerCallback(Event.EXTERNAL_RETURN, callbacks.externalExit());
            tool.registerCallback(Event.EXTERNAL_RAISE, callbacks.externalExit());
            tool.setEvents(EVENTS);
            return new Profiler(tool, recorders);
        }
    }
}
