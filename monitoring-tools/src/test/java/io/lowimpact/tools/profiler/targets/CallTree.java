package io.lowimpact.tools.profiler.targets;

import io.lowimpact.tools.profiler.TestClock;

/** A known call tree: main -> a, a, b; a -> c; b -> c, c. Each method's own time is what it adds to the clock. */
public final class CallTree {

    private CallTree() {
    }

    public static void main() {
        TestClock.now += 1;
        a();
        a();
        b();
    }

    static void a() {
        TestClock.now += 10;
        c();
    }

    static void b() {
        TestClock.now += 20;
        c();
        c();
    }

    static void c() {
        TestClock.now += 3;
    }
}
