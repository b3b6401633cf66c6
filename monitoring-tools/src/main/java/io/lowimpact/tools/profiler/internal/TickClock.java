package io.lowimpact.tools.profiler.internal;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A clock that a daemon thread advances: every period it stores {@link System#nanoTime()} in a field, which the
 * profiler's events read. A read is one field load, where {@code System.nanoTime()} costs 25–30 ns on a virtual
 * machine's clock source: as much as all the rest of a profiler event.
 *
 * <p>Times on this clock are counted in whole periods: a frame's time is the clock's advance between its start and
 * its end, so a frame shorter than a period gets either nothing or one period, with the probability of its length
 * over the period. Summed over many calls that is the frames' real time (an unbiased estimate, as sampling is, at
 * the period's rate), and the sums stay exact: a frame's self time is its inclusive time less its callees', and
 * every thread's total is the clock's advance over its recording.
 */
public final class TickClock implements LongSupplier {

    /** The period unless told otherwise: one millisecond, about 3 % of one core for the clock's thread. */
    public static final long DEFAULT_PERIOD_NANOS = 1_000_000;

    private final long periodNanos;
    private volatile long now = System.nanoTime();
    private volatile boolean stopped;
    private Thread thread;

    private TickClock(long periodNanos) {
        this.periodNanos = periodNanos;
    }

    /**
     * Starts a clock and its daemon thread, which runs until {@link #stop()}.
     *
     * @param periodNanos how often the clock advances, in nanoseconds
     * @return the running clock
     * @throws IllegalArgumentException if the period is not positive
     */
    public static TickClock start(long periodNanos) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("the clock's period must be positive: " + periodNanos);
        }
        TickClock clock = new TickClock(periodNanos);
        Thread thread = new Thread(clock::run, "lowimpact-profiler-clock");
        thread.setDaemon(true);
        clock.thread = thread;
        thread.start();
        return clock;
    }

    private void run() {
        while (!stopped) {
            LockSupport.parkNanos(periodNanos);
            now = System.nanoTime();
        }
    }

    /** Stops the clock's thread; the clock keeps its last time. */
    public void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    /** @return the time at the last tick, in {@link System#nanoTime()}'s nanoseconds */
    @Override
    public long getAsLong() {
        return now;
    }

    /** @return the period asked for, in nanoseconds (the thread may wake later than that) */
    public long periodNanos() {
        return periodNanos;
    }
}
