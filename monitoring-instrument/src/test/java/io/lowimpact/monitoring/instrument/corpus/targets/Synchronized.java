package io.lowimpact.monitoring.instrument.corpus.targets;

/** synchronized blocks and methods. Line numbers matter: the tests name them. */
public final class Synchronized {

    private Synchronized() {
    }

    public static int block(int x) {
        synchronized (Synchronized.class) {
            if (x < 0) {
                throw new IllegalArgumentException("negative");
            }
            return x + 1;
        }
    }

    public static synchronized int method(int x) {
        return x * 3;
    }
}
