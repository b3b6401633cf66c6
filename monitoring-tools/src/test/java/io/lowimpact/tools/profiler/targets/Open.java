package io.lowimpact.tools.profiler.targets;

import io.lowimpact.tools.profiler.TestClock;
import io.lowimpact.tools.profiler.TestHooks;

/** Acts on the profiler while its own frames are open. */
public final class Open {

    private Open() {
    }

    public static void snapshotInside() {
        TestClock.now += 3;
        a();
    }

    static void a() {
        TestClock.now += 5;
        TestHooks.act();
        TestClock.now += 100;
    }

    public static void startInside() {
        TestClock.now += 3;
        TestHooks.start();
        b();
        TestClock.now += 1;
    }

    static void b() {
        TestClock.now += 7;
    }
}
