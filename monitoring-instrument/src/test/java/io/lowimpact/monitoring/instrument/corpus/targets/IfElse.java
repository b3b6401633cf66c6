package io.lowimpact.monitoring.instrument.corpus.targets;

/** if / else if / else, on ints, references and nulls. Line numbers matter: the tests name them. */
public final class IfElse {

    private IfElse() {
    }

    public static int sign(int x) {
        if (x < 0) {
            return -1;
        } else if (x == 0) {
            return 0;
        } else {
            return 1;
        }
    }

    public static int max(int a, int b) {
        int m = a;
        if (b > m) {
            m = b;
        }
        return m;
    }

    public static String describe(String s) {
        if (s == null) {
            return "null";
        }
        return s;
    }

    public static boolean same(Object a, Object b) {
        if (a != b) {
            return false;
        }
        return true;
    }
}
