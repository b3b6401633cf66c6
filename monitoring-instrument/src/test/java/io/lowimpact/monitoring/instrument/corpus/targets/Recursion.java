package io.lowimpact.monitoring.instrument.corpus.targets;

/** Direct and mutual recursion. Line numbers matter: the tests name them. */
public final class Recursion {

    private Recursion() {
    }

    public static int factorial(int n) {
        if (n <= 1) {
            return 1;
        }
        return n * factorial(n - 1);
    }

    public static boolean isEven(int n) {
        return n == 0 || isOdd(n - 1);
    }

    static boolean isOdd(int n) {
        return n != 0 && isEven(n - 1);
    }
}
