package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.corpus.targets.StraightLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Straight-line code: one LINE per LineNumberTable entry, calls, returns; S20 order with INSTRUCTION. */
class StraightLineTest extends CorpusTest {

    @Test
    void compute() {
        assertStream(List.of(
                "METHOD_START StraightLine.compute",             // S8: before the first instruction, offset 0
                "LINE 10",                                       // line point: entry of line 10 at 0
                "LINE 11",                                       // entry of line 11 at 4
                "LINE 12",                                       // entry of line 12 at 8
                "CALL 9 StraightLine.twice arg0=7",              // invokestatic at 9: arg0 is the first argument
                "METHOD_START StraightLine.twice",
                "LINE 16",                                       // entry of line 16 at 0
                "METHOD_RETURN StraightLine.twice 3 value=14",   // ireturn at 3; instrumented callee: no EXTERNAL_RETURN
                "METHOD_RETURN StraightLine.compute 12 value=14" // ireturn at 12
        ), run(StraightLine.class, "compute", 3));
        assertEquals(14, returned());
    }

    @Test
    void voidMethodReturnsMissing() {
        assertStream(List.of(
                "METHOD_START StraightLine.nothing",
                "LINE 20",                                          // entry of line 20 at 0 (the return)
                "METHOD_RETURN StraightLine.nothing 0 value=MISSING" // S8: void returns Monitoring.MISSING
        ), run(StraightLine.class, "nothing"));
    }

    @Test
    void longAndDoubleOperands() {
        assertStream(List.of(
                "METHOD_START StraightLine.wide",
                "LINE 23",                                   // one line, two statements: one line point
                "METHOD_RETURN StraightLine.wide 8 value=3"  // lreturn at 8, the long boxed
        ), run(StraightLine.class, "wide", 2L, 1.5));
        assertEquals(3L, returned());
    }

    @Test
    void instructionEventsInS20Order() {
        assertStream(List.of(
                "METHOD_START StraightLine.compute",
                "LINE 10", "INSTRUCTION 0",                       // S20: LINE, then INSTRUCTION at one offset
                "INSTRUCTION 1", "INSTRUCTION 2", "INSTRUCTION 3", // iconst_2, imul, istore_1
                "LINE 11", "INSTRUCTION 4",
                "INSTRUCTION 5", "INSTRUCTION 6", "INSTRUCTION 7",
                "LINE 12", "INSTRUCTION 8",
                "INSTRUCTION 9", "CALL 9 StraightLine.twice arg0=7", // S20: INSTRUCTION, then the instruction's own event
                "METHOD_START StraightLine.twice",
                "LINE 16", "INSTRUCTION 0",
                "INSTRUCTION 1", "INSTRUCTION 2",
                "INSTRUCTION 3", "METHOD_RETURN StraightLine.twice 3 value=14",
                "INSTRUCTION 12", "METHOD_RETURN StraightLine.compute 12 value=14"
        ), run(EventSet.ALL, StraightLine.class, "compute", 3));
    }
}
