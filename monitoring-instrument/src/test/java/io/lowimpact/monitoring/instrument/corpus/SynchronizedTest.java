package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.instrument.corpus.targets.Synchronized;
import java.util.List;
import org.junit.jupiter.api.Test;

/** synchronized: monitorexit on every path; the generated catch-all rethrow is a RERAISE. */
class SynchronizedTest extends CorpusTest {

    @Test
    void blockNormal() {
        assertStream(List.of(
                "METHOD_START Synchronized.block",
                "LINE 10",
                "LINE 11",
                "BRANCH_RIGHT 6->19",
                "LINE 14",
                "METHOD_RETURN Synchronized.block 24 value=2"
        ), run(Synchronized.class, "block", 1));
    }

    @Test
    void blockThrows() {
        assertStream(List.of(
                "METHOD_START Synchronized.block",
                "LINE 10",
                "LINE 11",
                "BRANCH_LEFT 6->9",
                "LINE 12",
                "CALL 15 java.lang.IllegalArgumentException.<init> arg0=negative",
                "EXTERNAL_RETURN 15 java.lang.IllegalArgumentException.<init> arg0=negative",
                "RAISE 18 IllegalArgumentException",
                "EXCEPTION_HANDLED 25 IllegalArgumentException",  // javac's catch-all that releases the monitor
                "LINE 15",                                        // 25: entry of line 15
                "RERAISE 29 IllegalArgumentException",
                "METHOD_UNWIND Synchronized.block 0 IllegalArgumentException"
        ), run(Synchronized.class, "block", -1));
    }

    @Test
    void synchronizedMethod() {
        assertStream(List.of(
                "METHOD_START Synchronized.method",
                "LINE 19",
                "METHOD_RETURN Synchronized.method 3 value=6"
        ), run(Synchronized.class, "method", 2));
    }
}
