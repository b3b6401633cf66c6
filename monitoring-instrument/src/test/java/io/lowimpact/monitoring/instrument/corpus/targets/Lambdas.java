package io.lowimpact.monitoring.instrument.corpus.targets;

import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/** Lambdas and method references; a lambda body is its own code unit. Line numbers matter: the tests name them. */
public final class Lambdas {

    private Lambdas() {
    }

    public static int capture(int k) {
        IntUnaryOperator add = x -> x + k;
        return add.applyAsInt(1);
    }

    static int triple(int x) {
        return 3 * x;
    }

    public static int methodRef(int x) {
        IntUnaryOperator f = Lambdas::triple;
        return f.applyAsInt(x);
    }

    public static int forEach(String a, String b) {
        int[] total = {0};
        List.of(a, b).forEach(s -> total[0] += s.length());
        return total[0];
    }

    public static String boundRef(String s) {
        Supplier<String> up = s::trim;
        return up.get();
    }
}
