package io.lowimpact.monitoring.instrument.internal.analysis.targets;

/** Conditional branches. Tests assert its line numbers: keep the layout. */
public final class IfElse {

    private IfElse() {
    }

    public static String sign(int x) {
        if (x > 0) {
            return "positive";
        } else if (x < 0) {
            return "negative";
        }
        return "zero";
    }

    public static int choose(boolean c, int a, int b) {
        int y = c ? a : b;
        return y;
    }

    public static boolean isNull(Object o) {
        return o == null;
    }

    public static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        return a != null && a.equals(b);
    }
}
