package io.lowimpact.monitoring.instrument.corpus.targets;

/** One virtual call site that meets an instrumented override and many JDK classes, in turn. */
public final class MixedReceivers {

    private MixedReceivers() {
    }

    /** An instrumented {@code toString}. */
    public static final class Named {
        @Override
        public String toString() {
            return "n";
        }
    }

    public static int describe() {
        Object[] xs = {new Named(), 1, new Named(), "s", 2L, 3.0, 'c', true, (short) 4, (byte) 5, 6.0f,
            new StringBuilder("b"), new Named(), 7};
        int n = 0;
        for (Object x : xs) {
            n += x.toString().length();
        }
        return n;
    }
}
