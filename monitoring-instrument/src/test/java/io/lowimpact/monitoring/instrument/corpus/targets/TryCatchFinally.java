package io.lowimpact.monitoring.instrument.corpus.targets;

/** try / catch / finally, multi-catch. Line numbers matter: the tests name them. */
public final class TryCatchFinally {

    private TryCatchFinally() {
    }

    public static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static int withFinally(int x) {
        int r = 0;
        try {
            if (x == 0) {
                throw new IllegalStateException("zero");
            }
            r = 10 / x;
        } finally {
            r++;
        }
        return r;
    }

    public static String multiCatch(int k) {
        try {
            check(k);
            return "ok";
        } catch (IllegalArgumentException | IllegalStateException e) {
            return e.getMessage();
        } finally {
            k = 0;
        }
    }

    static void check(int k) {
        if (k == 1) {
            throw new IllegalArgumentException("arg");
        }
        if (k == 2) {
            throw new IllegalStateException("state");
        }
    }

    public static long parseWide(String s, long base) {
        long total = base;
        try {
            total += Long.parseLong(s);
        } catch (NumberFormatException e) {
            total = -1;
        } finally {
            total *= 2;
        }
        return total;
    }
}
