package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.instrument.corpus.targets.Lambdas;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lambdas: the body is its own unit ({@code lambda$...}), entered through the JDK's generated class, which is not
 * instrumented: so the interface call is external (EXTERNAL_RETURN) and the body's events come in between.
 */
class LambdasTest extends CorpusTest {

    @Test
    void capturingLambda() {
        assertStream(List.of(
                "METHOD_START Lambdas.capture",
                "LINE 14",
                "CALL 1 java.lang.invoke.LambdaMetafactory.applyAsInt arg0=2", // invokedynamic: captures k
                "EXTERNAL_RETURN 1 java.lang.invoke.LambdaMetafactory.applyAsInt arg0=2",
                "LINE 15",
                "CALL 9 java.util.function.IntUnaryOperator.applyAsInt arg0=lambda",
                "METHOD_START Lambdas.lambda$capture$0",
                "LINE 14",                                                     // the lambda's line
                "METHOD_RETURN Lambdas.lambda$capture$0 3 value=3",
                "EXTERNAL_RETURN 9 java.util.function.IntUnaryOperator.applyAsInt arg0=lambda",
                "METHOD_RETURN Lambdas.capture 14 value=3"
        ), run(Lambdas.class, "capture", 2));
    }

    @Test
    void staticMethodReference() {
        assertStream(List.of(
                "METHOD_START Lambdas.methodRef",
                "LINE 23",
                "CALL 0 java.lang.invoke.LambdaMetafactory.applyAsInt arg0=MISSING", // nothing captured
                "EXTERNAL_RETURN 0 java.lang.invoke.LambdaMetafactory.applyAsInt arg0=MISSING",
                "LINE 24",
                "CALL 8 java.util.function.IntUnaryOperator.applyAsInt arg0=lambda",
                "METHOD_START Lambdas.triple",                                       // no lambda$ body: triple itself
                "LINE 19",
                "METHOD_RETURN Lambdas.triple 3 value=6",
                "EXTERNAL_RETURN 8 java.util.function.IntUnaryOperator.applyAsInt arg0=lambda",
                "METHOD_RETURN Lambdas.methodRef 13 value=6"
        ), run(Lambdas.class, "methodRef", 2));
    }

    @Test
    void lambdaCalledBackByTheJdk() {
        assertStream(List.of(
                "METHOD_START Lambdas.forEach",
                "LINE 28",
                "LINE 29",
                "CALL 10 java.util.List.of arg0=ab",
                "EXTERNAL_RETURN 10 java.util.List.of arg0=ab",
                "CALL 14 java.lang.invoke.LambdaMetafactory.accept arg0=int[1]",
                "EXTERNAL_RETURN 14 java.lang.invoke.LambdaMetafactory.accept arg0=int[1]",
                "CALL 19 java.util.List.forEach arg0=ImmutableCollections$List12",
                "METHOD_START Lambdas.lambda$forEach$1",
                "LINE 29",
                "CALL 5 java.lang.String.length arg0=ab",
                "EXTERNAL_RETURN 5 java.lang.String.length arg0=ab",
                "METHOD_RETURN Lambdas.lambda$forEach$1 10 value=MISSING",
                "METHOD_START Lambdas.lambda$forEach$1",
                "LINE 29",
                "CALL 5 java.lang.String.length arg0=c",
                "EXTERNAL_RETURN 5 java.lang.String.length arg0=c",
                "METHOD_RETURN Lambdas.lambda$forEach$1 10 value=MISSING",
                "EXTERNAL_RETURN 19 java.util.List.forEach arg0=ImmutableCollections$List12",
                "LINE 30",
                "METHOD_RETURN Lambdas.forEach 27 value=3"
        ), run(Lambdas.class, "forEach", "ab", "c"));
    }

    @Test
    void boundMethodReferenceToJdk() {
        assertStream(List.of(
                "METHOD_START Lambdas.boundRef",
                "LINE 34",
                "CALL 2 java.util.Objects.requireNonNull arg0= x ",            // javac's null check of the bound receiver
                "EXTERNAL_RETURN 2 java.util.Objects.requireNonNull arg0= x ",
                "CALL 6 java.lang.invoke.LambdaMetafactory.get arg0= x ",
                "EXTERNAL_RETURN 6 java.lang.invoke.LambdaMetafactory.get arg0= x ",
                "LINE 35",
                "CALL 13 java.util.function.Supplier.get arg0=lambda",
                "EXTERNAL_RETURN 13 java.util.function.Supplier.get arg0=lambda", // String.trim: nothing instrumented
                "METHOD_RETURN Lambdas.boundRef 21 value=x"
        ), run(Lambdas.class, "boundRef", " x "));
    }
}
