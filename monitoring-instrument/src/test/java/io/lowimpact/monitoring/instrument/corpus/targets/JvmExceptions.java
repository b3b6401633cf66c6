package io.lowimpact.monitoring.instrument.corpus.targets;

/** Exceptions that the JVM itself throws. Line numbers matter: the tests name them. */
public final class JvmExceptions {

    private int field;

    private JvmExceptions() {
    }

    public static int divide(int a, int b) {
        return a / b;
    }

    public static int element(int i) {
        int[] values = {1, 2};
        return values[i];
    }

    public static int fieldOfNull(boolean isNull) {
        JvmExceptions j = isNull ? null : new JvmExceptions();
        return j.field;
    }

    public static int lengthOf(String s) {
        try {
            return s.length();
        } catch (NullPointerException e) {
            return -1;
        }
    }
}
