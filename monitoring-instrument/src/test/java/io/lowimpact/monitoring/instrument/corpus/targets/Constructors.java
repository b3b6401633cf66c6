package io.lowimpact.monitoring.instrument.corpus.targets;

/** Constructors with super(...) and this(...). Line numbers matter: the tests name them. */
public final class Constructors {

    /** A base class with a constructor argument. */
    public static class Base {
        final int base;

        Base(int base) {
            this.base = base;
        }
    }

    /** A subclass: field initialiser, super(...) with a computed argument, this(...) delegation. */
    public static final class Derived extends Base {
        final int extra = 5;
        final int own;

        Derived(int x) {
            super(check(x) * 2);
            own = x;
        }

        Derived() {
            this(1);
        }
    }

    private Constructors() {
    }

    static int check(int x) {
        if (x < 0) {
            throw new IllegalArgumentException("negative");
        }
        return x;
    }

    public static int make(int x) {
        Derived d = new Derived(x);
        return d.base + d.own + d.extra;
    }

    public static int makeDefault() {
        return new Derived().own;
    }
}
