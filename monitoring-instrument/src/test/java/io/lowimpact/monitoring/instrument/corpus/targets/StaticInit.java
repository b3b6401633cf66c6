package io.lowimpact.monitoring.instrument.corpus.targets;

/** Static initialisers, run on first use. Line numbers matter: the tests name them. */
public final class StaticInit {

    static final int[] TABLE;
    static int counter = 3;

    static {
        TABLE = new int[counter];
        for (int i = 0; i < TABLE.length; i++) {
            TABLE[i] = i * i;
        }
    }

    /** Initialised lazily, on first access. */
    static final class Holder {
        static final String VALUE = String.valueOf(counter);
    }

    private StaticInit() {
    }

    public static int last() {
        return TABLE[TABLE.length - 1];
    }

    public static String holder() {
        return Holder.VALUE;
    }
}
