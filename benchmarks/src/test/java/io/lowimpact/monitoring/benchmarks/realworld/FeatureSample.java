package io.lowimpact.monitoring.benchmarks.realworld;

/**
 * Lines with known bytecode for LineFeaturesTest; each marked line's comment names its features. The closing
 * brace of the finally block is the rethrow of its exceptional copy ({@code athrow}), and the line the normal copy
 * reaches too.
 */
final class FeatureSample {

    private int count;

    int kind(String s) {
        switch (s) { // STRING_SWITCH CAN_THROW
            case "a":
                return 1;
            case "b":
                return 2;
            default:
                return 0;
        }
    }

    int plain(int a, int b) {
        int c = a + b; // none
        return c * 2;
    }

    void guarded(int n) {
        assert n > 0; // ASSERT CAN_THROW
        try {
            count += n; // CAN_THROW
        } finally {
            count++; // REPEATED CAN_THROW FINALLY_HANDLER
        } // CAN_THROW REPEATED FINALLY_HANDLER
    }
}
