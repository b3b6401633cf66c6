package io.lowimpact.monitoring.instrument.internal.analysis.targets;

/** A switch on strings: a lookupswitch on hash codes, equals() checks, then a tableswitch. */
public final class StringSwitch {

    private StringSwitch() {
    }

    public static int weekday(String day) {
        switch (day) {
            case "mon":
                return 1;
            case "tue":
                return 2;
            case "wed":
                return 3;
            default:
                return 0;
        }
    }

    public static int collide(String s) {
        // "Aa" and "BB" have the same hash code.
        switch (s) {
            case "Aa":
                return 1;
            case "BB":
                return 2;
            default:
                return 0;
        }
    }
}
