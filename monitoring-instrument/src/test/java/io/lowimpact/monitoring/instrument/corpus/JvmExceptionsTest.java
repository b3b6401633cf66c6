package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.instrument.corpus.targets.JvmExceptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exceptions the JVM throws (no athrow, so no RAISE: S8) still end in METHOD_UNWIND or EXCEPTION_HANDLED. */
class JvmExceptionsTest extends CorpusTest {

    @Test
    void arithmetic() {
        assertStream(List.of(
                "METHOD_START JvmExceptions.divide",
                "LINE 12",
                "METHOD_UNWIND JvmExceptions.divide 0 ArithmeticException"   // idiv by zero
        ), run(JvmExceptions.class, "divide", 1, 0));
    }

    @Test
    void arrayIndex() {
        assertStream(List.of(
                "METHOD_START JvmExceptions.element",
                "LINE 16",
                "LINE 17",
                "METHOD_UNWIND JvmExceptions.element 0 ArrayIndexOutOfBoundsException"
        ), run(JvmExceptions.class, "element", 2));
    }

    @Test
    void nullField() {
        assertStream(List.of(
                "METHOD_START JvmExceptions.fieldOfNull",
                "LINE 21",
                "BRANCH_LEFT 1->4",             // ifeq 8 with true
                "JUMP 5->15",
                "LINE 21",                      // 15: jump target in line 21
                "LINE 22",
                "METHOD_UNWIND JvmExceptions.fieldOfNull 0 NullPointerException"
        ), run(JvmExceptions.class, "fieldOfNull", true));
    }

    @Test
    void nullReceiverCaught() {
        assertStream(List.of(
                "METHOD_START JvmExceptions.lengthOf",
                "LINE 27",
                "CALL 1 java.lang.String.length arg0=null",
                "EXTERNAL_RAISE 1 java.lang.String.length arg0=null",   // the invoke of JDK code threw
                "EXCEPTION_HANDLED 5 NullPointerException",            // catch (NullPointerException) at 5
                "LINE 28",
                "LINE 29",
                "METHOD_RETURN JvmExceptions.lengthOf 7 value=-1"
        ), run(JvmExceptions.class, "lengthOf", (Object) null));
        assertEquals(-1, returned());
    }
}
