package io.lowimpact.monitoring.instrument.corpus.targets;

/** Switches on strings and enums. Line numbers matter: the tests name them. */
public final class StringEnumSwitch {

    /** A plain enum to switch on. */
    public enum Color { RED, GREEN, BLUE }

    private StringEnumSwitch() {
    }

    public static int ofString(String s) {
        switch (s) {
            case "a":
                return 1;
            case "b":
                return 2;
            default:
                return 0;
        }
    }

    public static int ofEnum(String name) {
        Color c = Color.valueOf(name);
        switch (c) {
            case RED:
                return 1;
            case BLUE:
                return 3;
            default:
                return 0;
        }
    }
}
