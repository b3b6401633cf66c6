package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.instrument.corpus.targets.Switches;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tableswitch and lookupswitch: BRANCH_RIGHT for a case label, BRANCH_LEFT for the default (S8). */
class SwitchesTest extends CorpusTest {

    @Test
    void tableswitchCase() {
        assertStream(List.of(
                "METHOD_START Switches.table",
                "LINE 10",
                "BRANCH_RIGHT 1->35",           // key 2: case label at 35
                "LINE 14",
                "METHOD_RETURN Switches.table 37 value=two"
        ), run(Switches.class, "table", 2));
    }

    @Test
    void tableswitchGapTakesTheDefault() {
        assertStream(List.of(
                "METHOD_START Switches.table",
                "LINE 10",
                "BRANCH_LEFT 1->41",            // key 3 is inside 1..4 but no case: javac fills it with the default
                "LINE 18",
                "METHOD_RETURN Switches.table 43 value=other"
        ), run(Switches.class, "table", 3));
    }

    @Test
    void tableswitchOutOfRange() {
        assertStream(List.of(
                "METHOD_START Switches.table",
                "LINE 10",
                "BRANCH_LEFT 1->41",            // key 9 outside the table: default
                "LINE 18",
                "METHOD_RETURN Switches.table 43 value=other"
        ), run(Switches.class, "table", 9));
    }

    @Test
    void lookupswitchCase() {
        assertStream(List.of(
                "METHOD_START Switches.lookup",
                "LINE 24",
                "BRANCH_RIGHT 1->33",           // key 1000
                "LINE 29",
                "LINE 30",                      // entry at 35 (break)
                "JUMP 35->40",
                "LINE 34",
                "METHOD_RETURN Switches.lookup 41 value=2"
        ), run(Switches.class, "lookup", 1000));
    }

    @Test
    void lookupswitchDefault() {
        assertStream(List.of(
                "METHOD_START Switches.lookup",
                "LINE 24",
                "BRANCH_LEFT 1->38",
                "LINE 32",
                "LINE 34",                      // falls into the entry at 40
                "METHOD_RETURN Switches.lookup 41 value=0"
        ), run(Switches.class, "lookup", 5));
    }

    @Test
    void switchWithoutCasesIsNoEvent() {
        // javac compiles a switch with nothing but a default to a lookupswitch without entries: one way out, so no
        // branch (code.branches() leaves it out, S28) and, not being a goto, no JUMP either (MethodAnalysis.jumps)
        assertStream(List.of(
                "METHOD_START Switches.onlyDefault",
                "LINE 38",
                "LINE 40",                      // 12: entry of line 40 (and the switch's target)
                "METHOD_RETURN Switches.onlyDefault 15 value=3"
        ), run(Switches.class, "onlyDefault", 2));
    }

    @Test
    void switchWhoseOnlyCaseIsTheDefaultIsNoEvent() {
        // lookupswitch {1: 20, default: 20}: every key goes where the default goes, so there is one way out and no
        // branch in code.branches() (S28); whichever the key, no BRANCH event
        for (int key : new int[] {1, 5}) {
            assertStream(List.of(
                    "METHOD_START Switches.caseIsDefault",
                    "LINE 45",
                    "LINE 48",
                    "METHOD_RETURN Switches.caseIsDefault 21 value=" + key
            ), run(Switches.class, "caseIsDefault", key));
        }
    }
}
