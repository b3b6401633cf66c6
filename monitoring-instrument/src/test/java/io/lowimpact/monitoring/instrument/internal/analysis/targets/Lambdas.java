package io.lowimpact.monitoring.instrument.internal.analysis.targets;

import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Lambdas (bodies are synthetic methods of this class), method references and string concatenation. */
public final class Lambdas {

    private Lambdas() {
    }

    public static Runnable noCapture() {
        return () -> System.out.println("run");
    }

    public static IntSupplier capture(int base) {
        return () -> base * 2;
    }

    public static Supplier<IntSupplier> nested(int base) {
        return () -> () -> base + 1;
    }

    public static List<String> upper(List<String> words) {
        return words.stream().map(String::toUpperCase).collect(Collectors.toList());
    }

    public static String concat(String a, int b) {
        return a + b;
    }
}
