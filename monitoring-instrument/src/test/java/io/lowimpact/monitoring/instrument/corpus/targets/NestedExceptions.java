package io.lowimpact.monitoring.instrument.corpus.targets;

/** Nested try blocks, explicit rethrow and wrapping. Line numbers matter: the tests name them. */
public final class NestedExceptions {

    private NestedExceptions() {
    }

    public static String nested(int k) {
        try {
            try {
                if (k > 0) {
                    throw new IllegalStateException("inner");
                }
                return "none";
            } catch (IllegalStateException e) {
                if (k > 1) {
                    throw e;
                }
                return "inner caught";
            }
        } catch (RuntimeException e) {
            return "outer caught";
        }
    }

    public static void wrap(int k) {
        try {
            if (k > 0) {
                throw new IllegalStateException("cause");
            }
        } catch (IllegalStateException e) {
            throw new RuntimeException("wrapped", e);
        }
    }
}
