package example.validation;

/** Constructors, static initialisers, records, nested, inner and anonymous classes. */
public final class Objects {

    static final int CONSTANT;                    // (no code: a field)
    static int counter = init();                  // covered

    static {
        CONSTANT = 3;                             // covered
    }                                             // covered

    record Point(int x, int y) {                  // missed (the accessors x() and y(), never called)
        Point {                                   // covered
            if (x < 0) {                          // partly 1 of 2
                throw new IllegalArgumentException(); // missed
            }
        }                                         // covered

        int sum() {
            return x + y;                         // missed
        }
    }

    static final class Nested {
        private final int value;

        Nested() {
            this(1);                              // missed
        }                                         // missed

        Nested(int value) {                       // covered
            this.value = value;                   // covered
        }                                         // covered

        int value() {
            return value;                         // covered
        }
    }

    final class Inner {                           // missed
        int get() {
            return counter;                       // missed
        }
    }

    private Objects() {
    }

    public static void run() {
        new Point(1, 2);                          // covered
        new Nested(5).value();                    // covered
        Runnable anonymous = new Runnable() {     // covered
            @Override
            public void run() {
                counter++;                        // covered
            }                                     // covered
        };
        anonymous.run();                          // covered
    }                                             // covered

    static int init() {
        return 1;                                 // covered
    }
}
