package io.lowimpact.tools.profiler.targets;

import io.lowimpact.tools.profiler.TestClock;
import java.util.List;

/** Calls into code that is not instrumented: a helper that takes 50, and the JDK calling back into a lambda. */
public final class External {

    private External() {
    }

    public static void main() {
        TestClock.now += 1;
        TestClock.external(50);
        List.of(1, 2).forEach(i -> TestClock.now += 5);
    }
}
