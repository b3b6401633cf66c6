package io.lowimpact.monitoring.instrument.corpus.targets;

/** The conditional operator and short-circuit && and ||. Line numbers matter: the tests name them. */
public final class TernaryShortCircuit {

    private TernaryShortCircuit() {
    }

    public static int abs(int x) {
        return x < 0 ? -x : x;
    }

    public static boolean inRange(int x, int lo, int hi) {
        return x >= lo && x <= hi;
    }

    public static boolean outside(int x, int lo, int hi) {
        if (x < lo || x > hi) {
            return true;
        }
        return false;
    }
}
