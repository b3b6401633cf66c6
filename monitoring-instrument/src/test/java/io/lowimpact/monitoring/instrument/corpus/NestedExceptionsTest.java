package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.instrument.corpus.targets.NestedExceptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nested handlers, an explicit rethrow (RAISE, not RERAISE: S8) and wrapping. */
class NestedExceptionsTest extends CorpusTest {

    static final List<String> INNER_THROW = List.of(
            "METHOD_START NestedExceptions.nested",
            "LINE 12",
            "BRANCH_LEFT 1->4",                                          // ifle 14 with k > 0
            "LINE 13",
            "CALL 10 java.lang.IllegalStateException.<init> arg0=inner",
            "EXTERNAL_RETURN 10 java.lang.IllegalStateException.<init> arg0=inner",
            "RAISE 13 IllegalStateException",
            "EXCEPTION_HANDLED 17 IllegalStateException",                // the inner catch: first entry of the table
            "LINE 16",
            "LINE 17");

    @Test
    void innerCatch() {
        assertStream(concat(INNER_THROW, List.of(
                "BRANCH_RIGHT 20->25",          // if_icmple 25: 1 <= 1
                "LINE 20",
                "METHOD_RETURN NestedExceptions.nested 27 value=inner caught"
        )), run(NestedExceptions.class, "nested", 1));
    }

    @Test
    void explicitRethrowToOuterCatch() {
        assertStream(concat(INNER_THROW, List.of(
                "BRANCH_LEFT 20->23",
                "LINE 18",                      // throw e; is a statement on its own line
                "RAISE 24 IllegalStateException",               // explicit rethrow: RAISE
                "EXCEPTION_HANDLED 28 IllegalStateException",   // the outer catch (RuntimeException, range 17..27)
                "LINE 22",
                "LINE 23",
                "METHOD_RETURN NestedExceptions.nested 31 value=outer caught"
        )), run(NestedExceptions.class, "nested", 2));
    }

    @Test
    void wrapAndThrow() {
        assertStream(List.of(
                "METHOD_START NestedExceptions.wrap",
                "LINE 29",
                "BRANCH_LEFT 1->4",
                "LINE 30",
                "CALL 10 java.lang.IllegalStateException.<init> arg0=cause",
                "EXTERNAL_RETURN 10 java.lang.IllegalStateException.<init> arg0=cause",
                "RAISE 13 IllegalStateException",
                "EXCEPTION_HANDLED 17 IllegalStateException",
                "LINE 32",
                "LINE 33",
                "CALL 25 java.lang.RuntimeException.<init> arg0=wrapped",
                "EXTERNAL_RETURN 25 java.lang.RuntimeException.<init> arg0=wrapped",
                "RAISE 28 RuntimeException",                    // a new exception: RAISE
                "METHOD_UNWIND NestedExceptions.wrap 0 RuntimeException"
        ), run(NestedExceptions.class, "wrap", 1));
        assertEquals(IllegalStateException.class, thrown().getCause().getClass());
    }
}
