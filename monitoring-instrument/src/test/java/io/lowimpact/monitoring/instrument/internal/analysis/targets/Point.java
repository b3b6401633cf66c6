package io.lowimpact.monitoring.instrument.internal.analysis.targets;

/**
 * A record: its compact constructor validates, and its toString, hashCode and equals are invokedynamic calls
 * bootstrapped by java.lang.runtime.ObjectMethods.
 *
 * @param x the x coordinate
 * @param y the y coordinate
 */
public record Point(int x, int y) {

    /**
     * @param x the x coordinate, &gt;= 0
     * @param y the y coordinate, &gt;= 0
     */
    public Point {
        if (x < 0 || y < 0) {
            throw new IllegalArgumentException("negative coordinate");
        }
    }

    public Point plus(Point other) {
        return new Point(x + other.x, y + other.y);
    }
}
