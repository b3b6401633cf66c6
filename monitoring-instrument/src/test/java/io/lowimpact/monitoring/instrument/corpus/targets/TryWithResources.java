package io.lowimpact.monitoring.instrument.corpus.targets;

/** try-with-resources. Line numbers matter: the tests name them. */
public final class TryWithResources {

    /** A resource that can fail in its body or on close. */
    public static final class Res implements AutoCloseable {
        private final boolean failOnClose;

        Res(boolean failOnClose) {
            this.failOnClose = failOnClose;
        }

        int use(int x) {
            if (x < 0) {
                throw new IllegalArgumentException("negative");
            }
            return x + 1;
        }

        @Override
        public void close() {
            if (failOnClose) {
                throw new IllegalStateException("close");
            }
        }
    }

    private TryWithResources() {
    }

    public static int run(int x, boolean failOnClose) {
        try (Res r = new Res(failOnClose)) {
            return r.use(x);
        }
    }
}
