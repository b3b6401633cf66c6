package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.instrument.corpus.targets.BreakContinue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** break and continue compile to goto: JUMP events, then LINE where they land on a line point. */
class BreakContinueTest extends CorpusTest {

    @Test
    void continueAndBreak() {
        assertStream(List.of(
                "METHOD_START BreakContinue.skipOddStopAt",
                "LINE 10",
                "LINE 11",
                "LINE 11",                      // loop head 4
                "BRANCH_LEFT 6->9",             // i = 0 < 5
                "LINE 12",
                "BRANCH_RIGHT 13->19",          // if_icmpne 19: 0 % 2 != 1
                "LINE 15",                      // 19: entry of line 15
                "BRANCH_RIGHT 21->27",          // if_icmpne 27: 0 != 2
                "LINE 18",
                "LINE 11",                      // entry at 31 (i++)
                "JUMP 34->4",
                "LINE 11",
                "BRANCH_LEFT 6->9",             // i = 1
                "LINE 12",
                "BRANCH_LEFT 13->16",           // 1 % 2 == 1
                "LINE 13",                      // entry at 16: continue
                "JUMP 16->31",                  // continue: goto 31
                "LINE 11",                      // 31 is an entry of line 11
                "JUMP 34->4",
                "LINE 11",
                "BRANCH_LEFT 6->9",             // i = 2
                "LINE 12",
                "BRANCH_RIGHT 13->19",
                "LINE 15",
                "BRANCH_LEFT 21->24",           // 2 == 2
                "LINE 16",                      // entry at 24: break
                "JUMP 24->37",                  // break: goto 37
                "LINE 20",
                "METHOD_RETURN BreakContinue.skipOddStopAt 38 value=0"
        ), run(BreakContinue.class, "skipOddStopAt", 5, 2));
    }

    @Test
    void labelledBreak() {
        assertStream(List.of(
                "METHOD_START BreakContinue.firstPair",
                "LINE 24",
                "LINE 26",                      // entry at 2
                "LINE 26",                      // outer loop head 4
                "BRANCH_LEFT 6->9",             // i = 1 < 3
                "LINE 27",                      // entry at 9
                "LINE 27",                      // inner loop head 11
                "BRANCH_LEFT 13->16",           // j = 1 < 3
                "LINE 28",
                "BRANCH_RIGHT 20->33",          // if_icmplt 33: 1 < 2
                "LINE 27",                      // entry at 33 (j++)
                "JUMP 36->11",
                "LINE 27",
                "BRANCH_LEFT 13->16",           // j = 2
                "LINE 28",
                "BRANCH_LEFT 20->23",           // 2 >= 2
                "LINE 29",
                "LINE 30",                      // entry at 30: break outer
                "JUMP 30->45",                  // leaves both loops
                "LINE 34",
                "METHOD_RETURN BreakContinue.firstPair 46 value=12"
        ), run(BreakContinue.class, "firstPair", 2));
    }
}
