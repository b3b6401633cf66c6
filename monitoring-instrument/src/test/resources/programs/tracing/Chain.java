package app;

/** The traced code. TracingIT asserts its line numbers: keep them where they are. */
public class Chain {
    public static int outer(int n) {
        try {
            return middle(n);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    static int middle(int n) {
        int twice = n * 2;
        return check(twice);
    }

    static int check(int v) {
        if (v > 5) {
            throw new IllegalArgumentException("too big: " + v);
        }
        return v;
    }
}
