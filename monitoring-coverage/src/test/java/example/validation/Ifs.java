package example.validation;

/** if, else, conditions with && and ||, the ternary operator. */
public final class Ifs {

    private Ifs() {
    }

    public static void run() {
        sign(5);                                  // covered
        sign(-5);                                 // covered
        both(true, false);                        // covered
        either(false, false);                     // covered
        ternary(1);                               // covered
    }                                             // covered

    static int sign(int n) {
        if (n > 0) {                              // covered 2 of 2
            return 1;                             // covered
        } else if (n < 0) {                       // partly 1 of 2
            return -1;                            // covered
        }
        return 0;                                 // missed
    }

    static boolean both(boolean a, boolean b) {
        return a && b;                            // partly 2 of 4
    }

    static boolean either(boolean a, boolean b) {
        return a || b;                            // partly 2 of 4
    }

    static int ternary(int n) {
        return n > 0 ? 1 : 2;                     // partly 1 of 2
    }
}
