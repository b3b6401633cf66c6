package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.instrument.corpus.targets.TernaryShortCircuit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ?: and short-circuit operators: branches and jumps inside one line, whose join points are line points. */
class TernaryShortCircuitTest extends CorpusTest {

    @Test
    void ternary() {
        assertStream(List.of(
                "METHOD_START TernaryShortCircuit.abs",
                "LINE 10",
                "BRANCH_LEFT 1->4",             // ifge 9 with -4
                "JUMP 6->10",
                "LINE 10",                      // 10: jump target in line 10, a line point of its own
                "METHOD_RETURN TernaryShortCircuit.abs 10 value=4"
        ), run(TernaryShortCircuit.class, "abs", -4));
    }

    @Test
    void andBothTrue() {
        assertStream(List.of(
                "METHOD_START TernaryShortCircuit.inRange",
                "LINE 14",
                "BRANCH_LEFT 2->5",             // if_icmplt 14: 5 >= 1
                "BRANCH_LEFT 7->10",            // if_icmpgt 14: 5 <= 9
                "JUMP 11->15",
                "LINE 14",                      // 15: jump target
                "METHOD_RETURN TernaryShortCircuit.inRange 15 value=true"
        ), run(TernaryShortCircuit.class, "inRange", 5, 1, 9));
    }

    @Test
    void andShortCircuits() {
        assertStream(List.of(
                "METHOD_START TernaryShortCircuit.inRange",
                "LINE 14",
                "BRANCH_RIGHT 2->14",           // 0 < 1: skips the second test
                "LINE 14",                      // 14: jump target
                "LINE 14",                      // falls into 15, also a jump target
                "METHOD_RETURN TernaryShortCircuit.inRange 15 value=false"
        ), run(TernaryShortCircuit.class, "inRange", 0, 1, 9));
    }

    @Test
    void orSecondTrue() {
        assertStream(List.of(
                "METHOD_START TernaryShortCircuit.outside",
                "LINE 18",
                "BRANCH_LEFT 2->5",             // if_icmplt 10: 10 >= 1
                "BRANCH_LEFT 7->10",            // if_icmple 12: 10 > 9
                "LINE 19",
                "METHOD_RETURN TernaryShortCircuit.outside 11 value=true"
        ), run(TernaryShortCircuit.class, "outside", 10, 1, 9));
    }

    @Test
    void orBothFalse() {
        assertStream(List.of(
                "METHOD_START TernaryShortCircuit.outside",
                "LINE 18",
                "BRANCH_LEFT 2->5",
                "BRANCH_RIGHT 7->12",           // 5 <= 9
                "LINE 21",
                "METHOD_RETURN TernaryShortCircuit.outside 13 value=false"
        ), run(TernaryShortCircuit.class, "outside", 5, 1, 9));
    }
}
