package io.lowimpact.tools.profiler.targets;

import io.lowimpact.tools.profiler.TestClock;

/**
 * Virtual and interface call sites taken 100 times: one that always reaches an instrumented method, and one whose
 * first call reaches the JDK and every later one an instrumented override.
 */
public final class VirtualCalls {

    private VirtualCalls() {
    }

    /** An interface whose only implementation is instrumented. */
    public interface Shape {
        int area();
    }

    static final class Square implements Shape {
        @Override
        public int area() {
            TestClock.now += 1;
            return 4;
        }
    }

    static final class Named {
        @Override
        public String toString() {
            TestClock.now += 1;
            return "n";
        }
    }

    public static void interfaceCalls() {
        Shape square = new Square();
        for (int i = 0; i < 100; i++) {
            square.area();
        }
    }

    public static void mixedReceivers() {
        Object named = new Named();
        for (int i = 0; i < 100; i++) {
            Object x = i == 0 ? "s" : named;
            x.toString();
        }
    }
}
