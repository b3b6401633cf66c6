package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.instrument.corpus.targets.Loops;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Loops. A loop head that is both a jump target and inside the line of the entry just before it is a line point
 * of its own (S26): entering the loop fires that line twice, once for the entry and once for the head.
 */
class LoopsTest extends CorpusTest {

    @Test
    void forLoopTwice() {
        assertStream(List.of(
                "METHOD_START Loops.forLoop",
                "LINE 12",                      // entry at 0
                "LINE 13",                      // entry at 2 (int i = 0)
                "LINE 13",                      // line point: loop head 4 is a jump target in line 13's range
                "BRANCH_LEFT 6->9",             // if_icmpge 19: 0 < 2, stays in the loop
                "LINE 14",                      // entry at 9
                "LINE 13",                      // entry at 13 (i++)
                "JUMP 16->4",                   // goto 4
                "LINE 13",                      // back edge arrives at the line point 4
                "BRANCH_LEFT 6->9",
                "LINE 14",
                "LINE 13",
                "JUMP 16->4",
                "LINE 13",
                "BRANCH_RIGHT 6->19",           // 2 >= 2: leaves the loop
                "LINE 16",                      // entry at 19
                "METHOD_RETURN Loops.forLoop 20 value=1"
        ), run(Loops.class, "forLoop", 2));
    }

    @Test
    void forLoopNever() {
        assertStream(List.of(
                "METHOD_START Loops.forLoop",
                "LINE 12",
                "LINE 13",
                "LINE 13",                      // loop head 4
                "BRANCH_RIGHT 6->19",           // 0 >= 0
                "LINE 16",
                "METHOD_RETURN Loops.forLoop 20 value=0"
        ), run(Loops.class, "forLoop", 0));
    }

    @Test
    void enhancedForOverArray() {
        assertStream(List.of(
                "METHOD_START Loops.overArray",
                "LINE 20",                      // entry at 0: array creation, no calls
                "LINE 21",                      // entry at 14
                "LINE 22",                      // entry at 16 (array copy, length, index)
                "LINE 22",                      // line point: loop head 25 is a jump target in line 22's range
                "BRANCH_LEFT 29->32",           // if_icmpge 49
                "LINE 23",                      // entry at 38
                "LINE 22",                      // entry at 43 (index++)
                "JUMP 46->25",
                "LINE 22",
                "BRANCH_LEFT 29->32",
                "LINE 23",
                "LINE 22",
                "JUMP 46->25",
                "LINE 22",
                "BRANCH_RIGHT 29->49",
                "LINE 25",
                "METHOD_RETURN Loops.overArray 50 value=7"
        ), run(Loops.class, "overArray", 3));
    }

    @Test
    void enhancedForOverList() {
        assertStream(List.of(
                "METHOD_START Loops.overList",
                "LINE 29",
                "LINE 30",                                                   // entry at 2
                "CALL 4 java.util.List.of arg0=ab",                          // static: arg0 is the first argument
                "EXTERNAL_RETURN 4 java.util.List.of arg0=ab",               // JDK code: not instrumented
                "CALL 7 java.util.List.iterator arg0=ImmutableCollections$List12", // interface call: arg0 is the receiver
                "EXTERNAL_RETURN 7 java.util.List.iterator arg0=ImmutableCollections$List12",
                "LINE 30",                                                   // loop head 13: jump target in line 30
                "CALL 14 java.util.Iterator.hasNext arg0=ImmutableCollections$ListItr",
                "EXTERNAL_RETURN 14 java.util.Iterator.hasNext arg0=ImmutableCollections$ListItr",
                "BRANCH_LEFT 19->22",                                        // ifeq 44 with true
                "CALL 23 java.util.Iterator.next arg0=ImmutableCollections$ListItr",
                "EXTERNAL_RETURN 23 java.util.Iterator.next arg0=ImmutableCollections$ListItr",
                "LINE 31",                                                   // entry at 33
                "CALL 36 java.lang.String.length arg0=ab",
                "EXTERNAL_RETURN 36 java.lang.String.length arg0=ab",
                "LINE 32",                                                   // javac gives the goto at 41 line 32
                "JUMP 41->13",
                "LINE 30",
                "CALL 14 java.util.Iterator.hasNext arg0=ImmutableCollections$ListItr",
                "EXTERNAL_RETURN 14 java.util.Iterator.hasNext arg0=ImmutableCollections$ListItr",
                "BRANCH_LEFT 19->22",
                "CALL 23 java.util.Iterator.next arg0=ImmutableCollections$ListItr",
                "EXTERNAL_RETURN 23 java.util.Iterator.next arg0=ImmutableCollections$ListItr",
                "LINE 31",
                "CALL 36 java.lang.String.length arg0=c",
                "EXTERNAL_RETURN 36 java.lang.String.length arg0=c",
                "LINE 32",
                "JUMP 41->13",
                "LINE 30",
                "CALL 14 java.util.Iterator.hasNext arg0=ImmutableCollections$ListItr",
                "EXTERNAL_RETURN 14 java.util.Iterator.hasNext arg0=ImmutableCollections$ListItr",
                "BRANCH_RIGHT 19->44",                                       // hasNext false: ifeq jumps out
                "LINE 33",
                "METHOD_RETURN Loops.overList 45 value=3"
        ), run(Loops.class, "overList", "ab", "c"));
    }

    @Test
    void whileLoop() {
        assertStream(List.of(
                "METHOD_START Loops.whileLoop",
                "LINE 37",
                "LINE 38",                      // 2: entry of line 38 and loop head: one line point, one event
                "BRANCH_LEFT 4->7",             // if_icmple 17: 4 > 1
                "LINE 39",
                "LINE 40",
                "JUMP 14->2",
                "LINE 38",
                "BRANCH_LEFT 4->7",             // 2 > 1
                "LINE 39",
                "LINE 40",
                "JUMP 14->2",
                "LINE 38",
                "BRANCH_RIGHT 4->17",           // 1 <= 1
                "LINE 42",
                "METHOD_RETURN Loops.whileLoop 18 value=2"
        ), run(Loops.class, "whileLoop", 4));
    }

    @Test
    void doWhileBacksUpWithBranchRight() {
        assertStream(List.of(
                "METHOD_START Loops.doWhile",
                "LINE 46",
                "LINE 48",                      // 2: entry and loop head
                "LINE 49",                      // entry at 5 (the condition)
                "BRANCH_RIGHT 7->2",            // if_icmplt 2: the back edge is a conditional jump
                "LINE 48",
                "LINE 49",
                "BRANCH_LEFT 7->10",
                "LINE 50",
                "METHOD_RETURN Loops.doWhile 11 value=2"
        ), run(Loops.class, "doWhile", 2));
        assertEquals(2, returned());
    }
}
