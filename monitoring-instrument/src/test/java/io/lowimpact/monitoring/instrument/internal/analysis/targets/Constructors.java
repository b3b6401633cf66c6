package io.lowimpact.monitoring.instrument.internal.analysis.targets;

/** Constructors calling super(...) and this(...), and object creation with and without arguments. */
public class Constructors {

    protected final int value;

    public Constructors(int value) {
        this.value = value;
    }

    public Constructors() {
        this(7);
    }

    static int compute(int x) {
        return x * 3;
    }

    /** A subclass whose constructor computes its super argument. */
    public static final class Derived extends Constructors {

        private final String name;

        public Derived(int x) {
            super(compute(x));
            this.name = "derived" + x;
        }

        public String name() {
            return name;
        }
    }

    public static Object make() {
        return new Derived(new Constructors().value);
    }
}
