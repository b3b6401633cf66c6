package io.lowimpact.tools.profiler;

/**
 * The profiler's clock in tests: time moves only when target code adds to {@link #now}, a field write that fires
 * no event, so every time in a profile is known exactly. Shared by all targets; reset by each test.
 */
public final class TestClock {

    /** The time, in nanoseconds. */
    public static long now;

    private TestClock() {
    }

    /** @return {@link #now} */
    public static long read() {
        return now;
    }

    /**
     * Work outside instrumented code: called by targets, it is an external callee that takes {@code nanos}.
     *
     * @param nanos the time it takes
     */
    public static void external(long nanos) {
        now += nanos;
    }
}
