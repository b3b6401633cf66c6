package io.lowimpact.monitoring.instrument.corpus.targets;

/** Statement switches compiled to tableswitch and lookupswitch. Line numbers matter: the tests name them. */
public final class Switches {

    private Switches() {
    }

    public static String table(int k) {
        switch (k) {
            case 1:
                return "one";
            case 2:
                return "two";
            case 4:
                return "four";
            default:
                return "other";
        }
    }

    public static int lookup(int k) {
        int r;
        switch (k) {
            case 10:
                r = 1;
                break;
            case 1000:
                r = 2;
                break;
            default:
                r = 0;
        }
        return r;
    }

    public static int onlyDefault(int k) {
        switch (k) {
            default:
                return k + 1;
        }
    }

    public static int caseIsDefault(int k) {
        switch (k) {
            case 1:
            default:
                return k;
        }
    }
}
