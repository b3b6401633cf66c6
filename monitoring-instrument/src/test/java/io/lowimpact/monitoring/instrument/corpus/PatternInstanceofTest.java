package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.instrument.corpus.targets.PatternInstanceof;
import java.util.List;
import org.junit.jupiter.api.Test;

/** instanceof patterns compile to instanceof + ifeq: ordinary branches. */
class PatternInstanceofTest extends CorpusTest {

    @Test
    void longString() {
        assertStream(List.of(
                "METHOD_START PatternInstanceof.measure",
                "LINE 10",
                "BRANCH_LEFT 4->7",             // instanceof String: 1, ifeq falls through
                "CALL 13 java.lang.String.length arg0=abcd",
                "EXTERNAL_RETURN 13 java.lang.String.length arg0=abcd",
                "BRANCH_LEFT 17->20",           // if_icmple 25: 4 > 2
                "LINE 11",
                "CALL 21 java.lang.String.length arg0=abcd",
                "EXTERNAL_RETURN 21 java.lang.String.length arg0=abcd",
                "METHOD_RETURN PatternInstanceof.measure 24 value=4"
        ), run(PatternInstanceof.class, "measure", "abcd"));
    }

    @Test
    void shortString() {
        assertStream(List.of(
                "METHOD_START PatternInstanceof.measure",
                "LINE 10",
                "BRANCH_LEFT 4->7",
                "CALL 13 java.lang.String.length arg0=ab",
                "EXTERNAL_RETURN 13 java.lang.String.length arg0=ab",
                "BRANCH_RIGHT 17->25",          // 2 <= 2: the && fails
                "LINE 13",
                "BRANCH_RIGHT 29->40",          // "ab" instanceof Integer: 0, ifeq jumps
                "LINE 14",
                "METHOD_RETURN PatternInstanceof.measure 41 value=-1"
        ), run(PatternInstanceof.class, "measure", "ab"));
    }

    @Test
    void integer() {
        assertStream(List.of(
                "METHOD_START PatternInstanceof.measure",
                "LINE 10",
                "BRANCH_RIGHT 4->25",           // not a String
                "LINE 13",
                "BRANCH_LEFT 29->32",           // an Integer: binds i
                "JUMP 37->42",
                "LINE 16",
                "CALL 43 java.lang.Integer.intValue arg0=5",
                "EXTERNAL_RETURN 43 java.lang.Integer.intValue arg0=5",
                "METHOD_RETURN PatternInstanceof.measure 46 value=5"
        ), run(PatternInstanceof.class, "measure", 5));
    }
}
