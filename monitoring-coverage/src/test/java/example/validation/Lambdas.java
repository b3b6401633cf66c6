package example.validation;

import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;

/** Lambdas: run, never run, on the line of their creation. */
public final class Lambdas {

    private Lambdas() {
    }

    public static void run() {
        IntUnaryOperator twice = x -> x * 2;      // covered
        twice.applyAsInt(2);                      // covered
        IntSupplier never = () -> 42;             // partly (the lambda body is never run)
        IntSupplier multiLine = () -> {           // covered (creating the lambda)
            return 7;                             // missed
        };
        noop(never, multiLine);                   // covered
    }                                             // covered

    static void noop(Object a, Object b) {
    }                                             // covered
}
