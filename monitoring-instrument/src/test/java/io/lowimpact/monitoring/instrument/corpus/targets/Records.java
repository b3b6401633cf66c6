package io.lowimpact.monitoring.instrument.corpus.targets;

/** Records: compact constructor, accessors, generated toString. Line numbers matter: the tests name them. */
public final class Records {

    /** A record that checks its components. */
    public record Point(int x, int y) {
        public Point {
            if (x < 0) {
                throw new IllegalArgumentException("x < 0");
            }
        }

        int sum() {
            return x + y;
        }
    }

    private Records() {
    }

    public static int sum(int x, int y) {
        return new Point(x, y).sum();
    }

    public static String show(int x) {
        return new Point(x, 2).toString();
    }
}
