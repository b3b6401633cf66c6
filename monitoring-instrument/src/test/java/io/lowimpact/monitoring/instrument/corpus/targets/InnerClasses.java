package io.lowimpact.monitoring.instrument.corpus.targets;

import java.util.function.IntSupplier;

/** Inner, anonymous and local classes. Line numbers matter: the tests name them. */
public final class InnerClasses {

    private final int base;

    private InnerClasses(int base) {
        this.base = base;
    }

    /** An inner class reading its outer instance's field. */
    final class Inner {
        int plus(int x) {
            return base + x;
        }
    }

    public static int inner(int x) {
        InnerClasses outer = new InnerClasses(10);
        Inner in = outer.new Inner();
        return in.plus(x);
    }

    public static int anonymous(int x) {
        IntSupplier s = new IntSupplier() {
            @Override
            public int getAsInt() {
                return x * 2;
            }
        };
        return s.getAsInt();
    }

    public static int local(int x) {
        class Counter {
            int n = x;

            int next() {
                return ++n;
            }
        }
        return new Counter().next();
    }
}
