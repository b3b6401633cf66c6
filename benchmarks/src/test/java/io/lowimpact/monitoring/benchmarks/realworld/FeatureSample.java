package io.lowimpact.monitoring.benchmarks.realworld;

/**
 * Lines with known bytecode for LineFeaturesTest; each marked line's comment names its features. The closing
 * brace of the finally block is the rethrow of its exceptional copy ({@code athrow}).
 */
final class FeatureSample {

    private int count;

    int kind(String s) {
        return switch (s) { // STRING_SWITCH CAN_THROW
            case "a" -> 1;
            case "b" -> 2;
            default -> 0;
        };
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
            count++; // CAN_THROW FINALLY_HANDLER
        } // CAN_THROW FINALLY_HANDLER
    }
}
