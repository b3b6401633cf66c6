package io.lowimpact.monitoring.instrument.internal.analysis.targets;

/** Both switch instructions. Tests assert its branch tables: keep the layout. */
public final class Switches {

    private Switches() {
    }

    /** A dense switch with a gap (key 3) and two keys sharing a target: a tableswitch. */
    public static String dense(int x) {
        switch (x) {
            case 1:
                return "one";
            case 2:
            case 4:
                return "two or four";
            case 5:
                return "five";
            default:
                return "other";
        }
    }

    /** A sparse switch with a case grouped with the default: a lookupswitch. */
    public static int sparse(int x) {
        int r;
        switch (x) {
            case -100:
                r = 1;
                break;
            case 1000:
            default:
                r = 2;
                break;
            case 100000:
                r = 3;
                break;
        }
        return r;
    }

    /** A switch with only a default: a lookupswitch without entries. */
    public static int onlyDefault(int x) {
        switch (x) {
            default:
                return x + 1;
        }
    }

    /** A switch expression (arrow form). */
    public static int arrows(char c) {
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u' -> 1;
            case 'y' -> 2;
            default -> 0;
        };
    }
}
