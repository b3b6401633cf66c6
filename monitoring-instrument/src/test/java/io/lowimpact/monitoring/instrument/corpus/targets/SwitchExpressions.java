package io.lowimpact.monitoring.instrument.corpus.targets;

/** Switch expressions, arrow form (Java 14+). Line numbers matter: the tests name them. */
public final class SwitchExpressions {

    private SwitchExpressions() {
    }

    public static String arrow(int k) {
        String s = switch (k) {
            case 1, 2 -> "small";
            case 3 -> "three";
            default -> "big";
        };
        return s;
    }

    public static int yielding(int k) {
        return switch (k) {
            case 0 -> 100;
            case 7 -> {
                int t = k * 2;
                yield t + 1;
            }
            default -> throw new IllegalArgumentException("bad " + k);
        };
    }
}
