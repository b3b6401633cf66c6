package example.validation;

/** Switches: old style with fall-through, arrow form, switch expressions, strings and enums. */
public final class Switches {

    enum Color { RED, GREEN, BLUE }               // covered

    private Switches() {
    }

    public static void run() {
        old(1);                                   // covered
        old(3);                                   // covered
        arrow(2);                                 // covered
        strings("b");                             // covered
        enums(Color.GREEN);                       // covered
        expression(Color.RED);                    // covered
    }                                             // covered

    @SuppressWarnings("fallthrough") // case 2 falls through into case 3 on purpose
    static int old(int n) {
        int r = 0;                                // covered
        switch (n) {                              // partly 2 of 4
            case 1:
                r = 10;                           // covered
                break;                            // covered
            case 2:
                r = 20;                           // missed
            case 3:
                r += 1;                           // covered
                break;                            // covered
            default:
                r = -1;                           // missed
        }
        return r;                                 // covered
    }

    static String arrow(int n) {
        switch (n) {                              // partly 1 of 3
            case 1 -> {
                return "one";                     // missed
            }
            case 2 -> {
                return "two";                     // covered
            }
            default -> {
                return "many";                    // missed
            }
        }
    }

    static int strings(String s) {
        switch (s) {                              // partly 3 of 10 (hash switch, equals, index switch)
            case "a":
                return 1;                         // missed
            case "b":
                return 2;                         // covered
            default:
                return 0;                         // missed
        }
    }

    static int enums(Color c) {
        switch (c) {                              // partly 1 of 3
            case RED:
                return 1;                         // missed
            case GREEN:
                return 2;                         // covered
            default:
                return 3;                         // missed
        }
    }

    static int expression(Color c) {
        return switch (c) {                       // partly 1 of 4 (with the default that throws)
            case RED -> 1;                        // covered
            case GREEN -> 2;                      // missed
            case BLUE -> 3;                       // missed
        };
    }
}
