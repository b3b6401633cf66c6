package io.lowimpact.tools.profiler.targets;

import io.lowimpact.tools.profiler.TestClock;

/** Work for two threads: one calls light once, the other heavy twice. The clock is per thread (see the test). */
public final class Workers {

    private Workers() {
    }

    public static void light() {
        TestClock.now += 1;
    }

    public static void heavy() {
        TestClock.now += 100;
    }

    public static void runLight() {
        light();
    }

    public static void runHeavy() {
        heavy();
        heavy();
    }
}
