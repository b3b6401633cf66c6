package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.instrument.corpus.targets.TryWithResources;
import java.util.List;
import org.junit.jupiter.api.Test;

/** try-with-resources: close() on every path; the generated rethrow is a RERAISE (S8). */
class TryWithResourcesTest extends CorpusTest {

    static List<String> open(boolean failOnClose) {
        return List.of(
                "METHOD_START TryWithResources.run",
                "LINE 33",
                "CALL 5 TryWithResources$Res.<init> arg0=" + failOnClose,
                "METHOD_START TryWithResources$Res.<init>",
                "LINE 10",
                "CALL 1 java.lang.Object.<init> arg0=MISSING",          // super(): no argument
                "EXTERNAL_RETURN 1 java.lang.Object.<init> arg0=MISSING",
                "LINE 11",
                "LINE 12",
                "METHOD_RETURN TryWithResources$Res.<init> 9 value=MISSING",
                "LINE 34",
                "CALL 11 TryWithResources$Res.use arg0=TryWithResources$Res");
    }

    @Test
    void normal() {
        assertStream(concat(open(false), List.of(
                "METHOD_START TryWithResources$Res.use",
                "LINE 15",
                "BRANCH_RIGHT 1->14",
                "LINE 18",
                "METHOD_RETURN TryWithResources$Res.use 17 value=2",
                "LINE 35",                      // entry at 15: the generated close()
                "CALL 16 TryWithResources$Res.close arg0=TryWithResources$Res",
                "METHOD_START TryWithResources$Res.close",
                "LINE 23",
                "BRANCH_RIGHT 4->17",
                "LINE 26",
                "METHOD_RETURN TryWithResources$Res.close 17 value=MISSING",
                "LINE 34",                      // entry at 19
                "METHOD_RETURN TryWithResources.run 20 value=2"
        )), run(TryWithResources.class, "run", 1, false));
    }

    static final List<String> USE_THROWS = List.of(
            "METHOD_START TryWithResources$Res.use",
            "LINE 15",
            "BRANCH_LEFT 1->4",
            "LINE 16",
            "CALL 10 java.lang.IllegalArgumentException.<init> arg0=negative",
            "EXTERNAL_RETURN 10 java.lang.IllegalArgumentException.<init> arg0=negative",
            "RAISE 13 IllegalArgumentException",
            "METHOD_UNWIND TryWithResources$Res.use 0 IllegalArgumentException",
            "EXCEPTION_HANDLED 21 IllegalArgumentException",            // catch Throwable at 21
            "LINE 33",                                                  // 21: entry of line 33
            "CALL 23 TryWithResources$Res.close arg0=TryWithResources$Res",
            "METHOD_START TryWithResources$Res.close",
            "LINE 23");

    @Test
    void bodyThrows() {
        assertStream(concat(open(false), USE_THROWS, List.of(
                "BRANCH_RIGHT 4->17",
                "LINE 26",
                "METHOD_RETURN TryWithResources$Res.close 17 value=MISSING",
                "JUMP 26->37",
                "LINE 33",                      // 37: jump target in line 33
                "RERAISE 38 IllegalArgumentException",
                "METHOD_UNWIND TryWithResources.run 0 IllegalArgumentException"
        )), run(TryWithResources.class, "run", -1, false));
    }

    @Test
    void bodyAndCloseThrow() {
        assertStream(concat(open(true), USE_THROWS, List.of(
                "BRANCH_LEFT 4->7",
                "LINE 24",
                "CALL 13 java.lang.IllegalStateException.<init> arg0=close",
                "EXTERNAL_RETURN 13 java.lang.IllegalStateException.<init> arg0=close",
                "RAISE 16 IllegalStateException",
                "METHOD_UNWIND TryWithResources$Res.close 0 IllegalStateException",
                "EXCEPTION_HANDLED 29 IllegalStateException",           // catch Throwable around close(), at 29
                "LINE 33",                                              // 29: handler start in line 33
                "CALL 34 java.lang.Throwable.addSuppressed arg0=IllegalArgumentException",
                "EXTERNAL_RETURN 34 java.lang.Throwable.addSuppressed arg0=IllegalArgumentException",
                "LINE 33",                                              // falls into the jump target 37
                "RERAISE 38 IllegalArgumentException",
                "METHOD_UNWIND TryWithResources.run 0 IllegalArgumentException"
        )), run(TryWithResources.class, "run", -1, true));
        assertEquals(1, thrown().getSuppressed().length);
    }
}
