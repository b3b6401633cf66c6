package io.lowimpact.tools.profiler.targets;

import io.lowimpact.tools.profiler.TestClock;

/** One static call site and one constructor call site taken five times each, and a JDK call at one site. */
public final class Loop {

    private Loop() {
    }

    public static void main() {
        for (int i = 0; i < 5; i++) {
            step();
            new Loop();
            TestClock.external(1);
        }
    }

    static void step() {
        TestClock.now += 2;
    }
}
