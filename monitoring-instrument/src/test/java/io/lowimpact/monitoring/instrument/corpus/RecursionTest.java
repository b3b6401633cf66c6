package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.instrument.corpus.targets.Recursion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recursion: every activation has its own METHOD_START and METHOD_RETURN; events stay properly nested. */
class RecursionTest extends CorpusTest {

    @Test
    void factorial() {
        assertStream(List.of(
                "METHOD_START Recursion.factorial",
                "LINE 10",
                "BRANCH_RIGHT 2->7",            // if_icmpgt 7: 3 > 1
                "LINE 13",
                "CALL 11 Recursion.factorial arg0=2",
                "METHOD_START Recursion.factorial",
                "LINE 10",
                "BRANCH_RIGHT 2->7",
                "LINE 13",
                "CALL 11 Recursion.factorial arg0=1",
                "METHOD_START Recursion.factorial",
                "LINE 10",
                "BRANCH_LEFT 2->5",             // 1 <= 1
                "LINE 11",
                "METHOD_RETURN Recursion.factorial 6 value=1",
                "METHOD_RETURN Recursion.factorial 15 value=2",
                "METHOD_RETURN Recursion.factorial 15 value=6"
        ), run(Recursion.class, "factorial", 3));
    }

    @Test
    void mutualRecursion() {
        assertStream(List.of(
                "METHOD_START Recursion.isEven",
                "LINE 17",
                "BRANCH_LEFT 1->4",             // ifeq 13 with 2
                "CALL 7 Recursion.isOdd arg0=1",
                "METHOD_START Recursion.isOdd",
                "LINE 21",
                "BRANCH_LEFT 1->4",             // ifeq 17 with 1
                "CALL 7 Recursion.isEven arg0=0",
                "METHOD_START Recursion.isEven",
                "LINE 17",
                "BRANCH_RIGHT 1->13",           // 0 == 0: ||'s first operand is true
                "LINE 17",                      // 13: jump target in line 17
                "JUMP 14->18",
                "LINE 17",                      // 18: jump target
                "METHOD_RETURN Recursion.isEven 18 value=true",
                "BRANCH_LEFT 10->13",           // isOdd: ifeq 17 with true
                "JUMP 14->18",                  // 13 is no jump target in isOdd: no LINE there
                "LINE 21",
                "METHOD_RETURN Recursion.isOdd 18 value=true",
                "BRANCH_LEFT 10->13",
                "LINE 17",                      // 13 is a jump target in isEven
                "JUMP 14->18",
                "LINE 17",
                "METHOD_RETURN Recursion.isEven 18 value=true"
        ), run(Recursion.class, "isEven", 2));
    }
}
