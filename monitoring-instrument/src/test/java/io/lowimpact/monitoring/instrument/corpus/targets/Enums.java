package io.lowimpact.monitoring.instrument.corpus.targets;

/** Enums: constructor, fields, constant-specific bodies, values(). Line numbers matter: the tests name them. */
public final class Enums {

    /** An enum whose constants override a method. */
    public enum Op {
        PLUS("+") {
            @Override
            int apply(int a, int b) {
                return a + b;
            }
        },
        TIMES("*") {
            @Override
            int apply(int a, int b) {
                return a * b;
            }
        };

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        abstract int apply(int a, int b);
    }

    private Enums() {
    }

    public static int apply(String name, int a, int b) {
        return Op.valueOf(name).apply(a, b);
    }

    public static int count() {
        return Op.values().length;
    }
}
