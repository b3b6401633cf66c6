package io.lowimpact.tools.profiler;

import java.util.function.Supplier;

/** What target programs call to act on the profiler mid-run: external calls (not instrumented), set by each test. */
public final class TestHooks {

    static Runnable action = () -> { };
    static Supplier<Profiler> starter;
    static Profile taken;
    static Profiler started;

    private TestHooks() {
    }

    /** Runs the test's action: a snapshot, say, while the target's frames are open. */
    public static void act() {
        action.run();
    }

    /** Starts the profiler from inside a running target. */
    public static void start() {
        started = starter.get();
    }
}
