package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.corpus.targets.IfElse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** if / else if / else: BRANCH_LEFT when the if* falls through, BRANCH_RIGHT when it jumps (S8). */
class IfElseTest extends CorpusTest {

    @Test
    void signNegative() {
        assertStream(List.of(
                "METHOD_START IfElse.sign",
                "LINE 10",                                // entry of line 10 at 0
                "BRANCH_LEFT 1->4",                       // ifge 6 with -5: falls through to 4
                "LINE 11",                                // entry of line 11 at 4
                "METHOD_RETURN IfElse.sign 5 value=-1"
        ), run(IfElse.class, "sign", -5));
    }

    @Test
    void signZero() {
        assertStream(List.of(
                "METHOD_START IfElse.sign",
                "LINE 10",
                "BRANCH_RIGHT 1->6",                      // ifge 6 with 0: jumps
                "LINE 12",                                // 6: entry of line 12 (and jump target)
                "BRANCH_LEFT 7->10",                      // ifne 12 with 0: falls through
                "LINE 13",                                // entry of line 13 at 10
                "METHOD_RETURN IfElse.sign 11 value=0"
        ), run(IfElse.class, "sign", 0));
    }

    @Test
    void signPositive() {
        assertStream(List.of(
                "METHOD_START IfElse.sign",
                "LINE 10",
                "BRANCH_RIGHT 1->6",
                "LINE 12",
                "BRANCH_RIGHT 7->12",                     // ifne 12 with 7: jumps
                "LINE 15",                                // 12: entry of line 15 (the else branch)
                "METHOD_RETURN IfElse.sign 13 value=1"
        ), run(IfElse.class, "sign", 7));
    }

    @Test
    void maxTakesThen() {
        assertStream(List.of(
                "METHOD_START IfElse.max",
                "LINE 20",
                "LINE 21",                                // entry at 2
                "BRANCH_LEFT 4->7",                       // if_icmple 9: 2 > 1, falls through
                "LINE 22",                                // entry at 7
                "LINE 24",                                // 9: entry of line 24, reached by falling through
                "METHOD_RETURN IfElse.max 10 value=2"
        ), run(IfElse.class, "max", 1, 2));
    }

    @Test
    void maxSkipsThen() {
        assertStream(List.of(
                "METHOD_START IfElse.max",
                "LINE 20",
                "LINE 21",
                "BRANCH_RIGHT 4->9",                      // if_icmple 9: 1 <= 2, jumps over line 22
                "LINE 24",
                "METHOD_RETURN IfElse.max 10 value=2"
        ), run(IfElse.class, "max", 2, 1));
    }

    @Test
    void ifNonNullWithNull() {
        assertStream(List.of(
                "METHOD_START IfElse.describe",
                "LINE 28",
                "BRANCH_LEFT 1->4",                       // ifnonnull 7 with null: falls through
                "LINE 29",
                "METHOD_RETURN IfElse.describe 6 value=null"
        ), run(IfElse.class, "describe", (Object) null));
        assertEquals("null", returned());
    }

    @Test
    void ifNonNullWithValue() {
        assertStream(List.of(
                "METHOD_START IfElse.describe",
                "LINE 28",
                "BRANCH_RIGHT 1->7",                      // ifnonnull 7 with "x": jumps
                "LINE 31",
                "METHOD_RETURN IfElse.describe 8 value=x"
        ), run(IfElse.class, "describe", "x"));
    }

    @Test
    void referenceComparison() {
        String a = "a";
        assertStream(List.of(
                "METHOD_START IfElse.same",
                "LINE 35",
                "BRANCH_RIGHT 2->7",                      // if_acmpeq 7 with the same reference: jumps
                "LINE 38",
                "METHOD_RETURN IfElse.same 8 value=true"
        ), run(IfElse.class, "same", a, a));
        assertStream(List.of(
                "METHOD_START IfElse.same",
                "LINE 35",
                "BRANCH_LEFT 2->5",                       // different references: falls through
                "LINE 36",
                "METHOD_RETURN IfElse.same 6 value=false"
        ), run(IfElse.class, "same", "a", new String("b")));
    }

    @Test
    void instructionAndBranchInS20Order() {
        assertStream(List.of(
                "METHOD_START IfElse.sign",
                "LINE 10", "INSTRUCTION 0",
                "INSTRUCTION 1", "BRANCH_LEFT 1->4",      // S20: INSTRUCTION, then the branch event
                "LINE 11", "INSTRUCTION 4",
                "INSTRUCTION 5", "METHOD_RETURN IfElse.sign 5 value=-1"
        ), run(EventSet.ALL, IfElse.class, "sign", -5));
    }
}
