package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.corpus.targets.TryCatchFinally;
import java.util.List;
import org.junit.jupiter.api.Test;

/** try / catch / finally. EXCEPTION_HANDLED comes as the handler catches, before the LINE of its first instruction. */
class TryCatchFinallyTest extends CorpusTest {

    @Test
    void noException() {
        assertStream(List.of(
                "METHOD_START TryCatchFinally.parse",
                "LINE 11",
                "CALL 1 java.lang.Integer.parseInt arg0=12",
                "EXTERNAL_RETURN 1 java.lang.Integer.parseInt arg0=12",
                "METHOD_RETURN TryCatchFinally.parse 4 value=12"
        ), run(TryCatchFinally.class, "parse", "12"));
    }

    @Test
    void catchesWhatAJdkCallThrows() {
        assertStream(List.of(
                "METHOD_START TryCatchFinally.parse",
                "LINE 11",
                "CALL 1 java.lang.Integer.parseInt arg0=x",
                "EXTERNAL_RAISE 1 java.lang.Integer.parseInt arg0=x",    // S8: a call to JDK code threw
                "EXCEPTION_HANDLED 5 NumberFormatException",             // the catch at 5 (range 0..4) catches it
                "LINE 12",                                               // 5: entry of line 12 (catch)
                "LINE 13",
                "METHOD_RETURN TryCatchFinally.parse 7 value=-1"
        ), run(TryCatchFinally.class, "parse", "x"));
        assertEquals(-1, returned()); // S41: the instrumented class behaves like the original
    }

    @Test
    void finallyOnNormalPath() {
        assertStream(List.of(
                "METHOD_START TryCatchFinally.withFinally",
                "LINE 18",
                "LINE 20",
                "BRANCH_RIGHT 3->16",           // ifne 16 with 5
                "LINE 23",
                "LINE 25",                      // entry at 21: the inlined finally (r++)
                "LINE 26",                      // entry at 24: javac gives the goto line 26
                "JUMP 24->33",
                "LINE 27",
                "METHOD_RETURN TryCatchFinally.withFinally 34 value=3"
        ), run(TryCatchFinally.class, "withFinally", 5));
    }

    @Test
    void finallyRethrows() {
        assertStream(List.of(
                "METHOD_START TryCatchFinally.withFinally",
                "LINE 18",
                "LINE 20",
                "BRANCH_LEFT 3->6",
                "LINE 21",
                "CALL 12 java.lang.IllegalStateException.<init> arg0=zero",
                "EXTERNAL_RETURN 12 java.lang.IllegalStateException.<init> arg0=zero",
                "RAISE 15 IllegalStateException",                        // the throw statement
                "EXCEPTION_HANDLED 27 IllegalStateException",            // the finally handler (any) at 27
                "LINE 25",                                               // 27: entry of line 25 and handler start
                "LINE 26",                                               // entry at 31
                "RERAISE 32 IllegalStateException",                      // the rethrow javac generates: RERAISE (S8)
                "METHOD_UNWIND TryCatchFinally.withFinally 0 IllegalStateException"
        ), run(TryCatchFinally.class, "withFinally", 0));
    }

    @Test
    void finallyRethrowsInS20Order() {
        assertStream(List.of(
                "METHOD_START TryCatchFinally.withFinally",
                "LINE 18", "INSTRUCTION 0", "INSTRUCTION 1",
                "LINE 20", "INSTRUCTION 2", "INSTRUCTION 3", "BRANCH_LEFT 3->6",
                "LINE 21", "INSTRUCTION 6", "INSTRUCTION 9", "INSTRUCTION 10",
                "INSTRUCTION 12", "CALL 12 java.lang.IllegalStateException.<init> arg0=zero",
                "EXTERNAL_RETURN 12 java.lang.IllegalStateException.<init> arg0=zero",
                "INSTRUCTION 15", "RAISE 15 IllegalStateException",     // S20: INSTRUCTION, then RAISE
                "EXCEPTION_HANDLED 27 IllegalStateException",            // caught: before the handler's first instruction
                "LINE 25", "INSTRUCTION 27", "INSTRUCTION 28",
                "LINE 26", "INSTRUCTION 31",
                "INSTRUCTION 32", "RERAISE 32 IllegalStateException",
                "METHOD_UNWIND TryCatchFinally.withFinally 0 IllegalStateException"
        ), run(EventSet.ALL, TryCatchFinally.class, "withFinally", 0));
    }

    @Test
    void multiCatchWithFinally() {
        assertStream(List.of(
                "METHOD_START TryCatchFinally.multiCatch",
                "LINE 32",
                "CALL 1 TryCatchFinally.check arg0=2",
                "METHOD_START TryCatchFinally.check",
                "LINE 42",
                "BRANCH_RIGHT 2->15",           // if_icmpne 15: 2 != 1
                "LINE 45",
                "BRANCH_LEFT 17->20",           // 2 == 2
                "LINE 46",
                "CALL 26 java.lang.IllegalStateException.<init> arg0=state",
                "EXTERNAL_RETURN 26 java.lang.IllegalStateException.<init> arg0=state",
                "RAISE 29 IllegalStateException",
                "METHOD_UNWIND TryCatchFinally.check 0 IllegalStateException",
                "EXCEPTION_HANDLED 11 IllegalStateException",            // instrumented callee: no EXTERNAL_RAISE
                "LINE 34",
                "LINE 35",
                "CALL 13 java.lang.RuntimeException.getMessage arg0=IllegalStateException",
                "EXTERNAL_RETURN 13 java.lang.RuntimeException.getMessage arg0=IllegalStateException",
                "LINE 37",                      // the finally inlined after the catch body (entry at 17)
                "LINE 35",                      // entry at 19: the return of the catch body
                "METHOD_RETURN TryCatchFinally.multiCatch 20 value=state"
        ), run(TryCatchFinally.class, "multiCatch", 2));
    }

    @Test
    void jdkCallUnderCatchAndFinallyWithWideLocals() {
        // parseLong at 4 is covered by two handlers (NumberFormatException at 18, finally at 33) whose frames hold
        // longs: EXTERNAL_RAISE's rethrow must still reach the catch
        assertStream(List.of(
                "METHOD_START TryCatchFinally.parseWide",
                "LINE 51",
                "LINE 53",
                "CALL 4 java.lang.Long.parseLong arg0=x",
                "EXTERNAL_RAISE 4 java.lang.Long.parseLong arg0=x",
                "EXCEPTION_HANDLED 18 NumberFormatException",  // the catch, first in the table
                "LINE 54",                                      // 18: entry of line 54 and handler start
                "LINE 55",
                "LINE 57",                                      // the finally inlined after the catch (entry at 24)
                "LINE 58",                                      // entry at 30: javac gives the goto line 58
                "JUMP 30->44",
                "LINE 59",
                "METHOD_RETURN TryCatchFinally.parseWide 45 value=-2"
        ), run(TryCatchFinally.class, "parseWide", "x", 1L));
        assertStream(List.of(
                "METHOD_START TryCatchFinally.parseWide",
                "LINE 51",
                "LINE 53",
                "CALL 4 java.lang.Long.parseLong arg0=3",
                "EXTERNAL_RETURN 4 java.lang.Long.parseLong arg0=3",
                "LINE 57",                                      // the finally inlined after the try (entry at 9)
                "LINE 58",
                "JUMP 15->44",
                "LINE 59",
                "METHOD_RETURN TryCatchFinally.parseWide 45 value=8"
        ), run(TryCatchFinally.class, "parseWide", "3", 1L));
    }
}
