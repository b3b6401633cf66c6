package io.lowimpact.monitoring.instrument.corpus.targets;

/** Pattern matching for instanceof (Java 16+). Line numbers matter: the tests name them. */
public final class PatternInstanceof {

    private PatternInstanceof() {
    }

    public static int measure(Object o) {
        if (o instanceof String s && s.length() > 2) {
            return s.length();
        }
        if (!(o instanceof Integer i)) {
            return -1;
        }
        return i;
    }
}
