package io.lowimpact.monitoring.instrument.corpus.targets;

/** Interface default and static methods. Line numbers matter: the tests name them. */
public final class DefaultMethods {

    /** A shape with a default method. */
    public interface Shape {
        int area();

        default int doubled() {
            return 2 * area();
        }

        static Shape square(int side) {
            return new Square(side);
        }
    }

    /** A square. */
    static final class Square implements Shape {
        private final int side;

        Square(int side) {
            this.side = side;
        }

        @Override
        public int area() {
            return side * side;
        }
    }

    private DefaultMethods() {
    }

    public static int doubledSquare(int side) {
        return Shape.square(side).doubled();
    }
}
