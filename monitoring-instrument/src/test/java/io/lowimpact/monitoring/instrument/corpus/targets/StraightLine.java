package io.lowimpact.monitoring.instrument.corpus.targets;

/** Straight-line code. Line numbers matter: the tests name them. */
public final class StraightLine {

    private StraightLine() {
    }

    public static int compute(int a) {
        int b = a * 2;
        int c = b + 1;
        return twice(c);
    }

    static int twice(int x) {
        return x + x;
    }

    public static void nothing() {
    }

    public static long wide(long a, double d) {
        long r = a + (long) d; return r;
    }
}
