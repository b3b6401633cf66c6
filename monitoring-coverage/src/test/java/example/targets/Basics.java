package example.targets;

/** A small target: the tests know its line numbers (keep them stable when editing). */
public final class Basics {

    private Basics() {
    }

    public static int classify(int n) {
        if (n < 0) {                    // line 10
            return -1;                  // line 11
        }
        int sum = 0;                    // line 13
        for (int i = 0; i < n; i++) {   // line 14
            sum += i;                   // line 15
        }
        return sum;                     // line 17
    }

    public static int never() {
        return 42;                      // line 21
    }
}
