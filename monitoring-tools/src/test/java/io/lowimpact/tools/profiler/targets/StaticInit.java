package io.lowimpact.tools.profiler.targets;

import io.lowimpact.tools.profiler.TestClock;

/** The first call of Lazy.value initialises Lazy: its initialiser runs between the call and the callee. */
public final class StaticInit {

    private StaticInit() {
    }

    public static long main() {
        return Lazy.value() + Lazy.value();
    }

    static final class Lazy {
        static final long X;

        static {
            TestClock.now += 4;
            X = compute();
        }

        private Lazy() {
        }

        static long compute() {
            TestClock.now += 2;
            return 1;
        }

        static long value() {
            TestClock.now += 1;
            return X;
        }
    }
}
