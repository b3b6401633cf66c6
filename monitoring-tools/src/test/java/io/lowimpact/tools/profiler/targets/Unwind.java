package io.lowimpact.tools.profiler.targets;

import io.lowimpact.tools.profiler.TestClock;

/** An exception thrown in f3 unwinds f3, f2 and f1, and is caught in top. */
public final class Unwind {

    private Unwind() {
    }

    public static void top() {
        try {
            f1();
        } catch (IllegalStateException e) {
            TestClock.now += 7;
        }
    }

    static void f1() {
        TestClock.now += 1;
        f2();
    }

    static void f2() {
        TestClock.now += 2;
        f3();
    }

    static void f3() {
        TestClock.now += 4;
        throw new IllegalStateException("unwinds three frames");
    }
}
