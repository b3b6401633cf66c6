package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.instrument.corpus.targets.SwitchExpressions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Switch expressions, arrow form: every arm ends with a goto to the join point. */
class SwitchExpressionsTest extends CorpusTest {

    @Test
    void arrowWithTwoLabels() {
        assertStream(List.of(
                "METHOD_START SwitchExpressions.arrow",
                "LINE 10",
                "BRANCH_RIGHT 1->28",           // key 2: case 1, 2
                "LINE 11",
                "JUMP 30->40",                  // to the join point
                "LINE 13",                      // 40 (astore) is a jump target inside line 13's range [38, 41): a line point
                "LINE 15",
                "METHOD_RETURN SwitchExpressions.arrow 42 value=small"
        ), run(SwitchExpressions.class, "arrow", 2));
    }

    @Test
    void arrowDefault() {
        assertStream(List.of(
                "METHOD_START SwitchExpressions.arrow",
                "LINE 10",
                "BRANCH_LEFT 1->38",
                "LINE 13",                      // entry at 38
                "LINE 13",                      // falls into the line point 40
                "LINE 15",
                "METHOD_RETURN SwitchExpressions.arrow 42 value=big"
        ), run(SwitchExpressions.class, "arrow", 5));
    }

    @Test
    void yieldFromBlock() {
        assertStream(List.of(
                "METHOD_START SwitchExpressions.yielding",
                "LINE 19",
                "BRANCH_RIGHT 1->33",           // lookupswitch: key 7
                "LINE 22",
                "LINE 23",                      // yield t + 1
                "JUMP 40->57",
                "LINE 19",                      // 57: entry of line 19 again (the return of the switch's value)
                "METHOD_RETURN SwitchExpressions.yielding 57 value=15"
        ), run(SwitchExpressions.class, "yielding", 7));
    }

    @Test
    void throwingArm() {
        assertStream(List.of(
                "METHOD_START SwitchExpressions.yielding",
                "LINE 19",
                "BRANCH_LEFT 1->43",
                "LINE 25",
                "CALL 48 java.lang.invoke.StringConcatFactory.makeConcatWithConstants arg0=1", // invokedynamic: bootstrap owner
                "EXTERNAL_RETURN 48 java.lang.invoke.StringConcatFactory.makeConcatWithConstants arg0=1",
                "CALL 53 java.lang.IllegalArgumentException.<init> arg0=bad 1",
                "EXTERNAL_RETURN 53 java.lang.IllegalArgumentException.<init> arg0=bad 1",
                "RAISE 56 IllegalArgumentException",                  // athrow
                "METHOD_UNWIND SwitchExpressions.yielding 0 IllegalArgumentException"
        ), run(SwitchExpressions.class, "yielding", 1));
        assertEquals("bad 1", thrown().getMessage());
    }
}
