package io.lowimpact.tools.profiler.targets;

import io.lowimpact.tools.profiler.TestClock;

/** fact(5): five nested calls of one method, each taking 1. */
public final class Recursion {

    private Recursion() {
    }

    public static Object main() {
        return fact(5);
    }

    static long fact(long n) {
        TestClock.now += 1;
        return n <= 1 ? 1 : n * fact(n - 1);
    }
}
