package example.validation;

import java.util.List;

/** for, enhanced for, while, do-while, break and continue. */
public final class Loops {

    private Loops() {
    }

    public static void run() {
        count(3);                                 // covered
        each(List.of("a", "", "b"));              // covered
        untilZero(0);                             // covered
        once();                                   // covered
    }                                             // covered

    static int count(int n) {
        int sum = 0;                              // covered
        for (int i = 0; i < n; i++) {             // covered 2 of 2
            sum += i;                             // covered
        }
        return sum;                               // covered
    }

    static int each(List<String> items) {
        int n = 0;                                // covered
        for (String s : items) {                  // covered 2 of 2
            if (s.isEmpty()) {                    // covered 2 of 2
                continue;                         // covered
            }
            n++;                                  // covered
        }                                         // covered
        return n;                                 // covered
    }

    static int untilZero(int n) {
        while (n > 0) {                           // partly 1 of 2
            n--;                                  // missed
        }
        return n;                                 // covered
    }

    static int once() {
        int i = 0;                                // covered
        do {
            i++;                                  // covered
            if (i > 5) {                          // partly 1 of 2
                break;                            // missed
            }
        } while (i < 1);                          // partly 1 of 2
        return i;                                 // covered
    }
}
