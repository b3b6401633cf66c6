package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.instrument.corpus.targets.StaticInit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Static initialisers are units of their own ({@code <clinit>}), run at first use, before the first event there. */
class StaticInitTest extends CorpusTest {

    static final List<String> CLINIT = List.of(
            "METHOD_START StaticInit.<clinit>",    // the reflective call initialises the class first
            "LINE 7",                              // counter = 3
            "LINE 10",
            "LINE 11",                             // entry at 12
            "LINE 11",                             // loop head 14
            "BRANCH_LEFT 19->22",
            "LINE 12",
            "LINE 11",
            "JUMP 33->14",
            "LINE 11",
            "BRANCH_LEFT 19->22",
            "LINE 12",
            "LINE 11",
            "JUMP 33->14",
            "LINE 11",
            "BRANCH_LEFT 19->22",
            "LINE 12",
            "LINE 11",
            "JUMP 33->14",
            "LINE 11",
            "BRANCH_RIGHT 19->36",
            "LINE 14",                             // the return of <clinit> has the line of the block's closing brace
            "METHOD_RETURN StaticInit.<clinit> 36 value=MISSING");

    @Test
    void initialiserBeforeFirstCall() {
        assertStream(concat(CLINIT, List.of(
                "METHOD_START StaticInit.last",
                "LINE 25",
                "METHOD_RETURN StaticInit.last 10 value=4"
        )), run(StaticInit.class, "last"));
    }

    @Test
    void lazyHolder() {
        assertStream(concat(CLINIT, List.of(
                "METHOD_START StaticInit.holder",
                "LINE 29",                             // before the getstatic that initialises Holder
                "METHOD_START StaticInit$Holder.<clinit>",
                "LINE 18",
                "CALL 3 java.lang.String.valueOf arg0=3",
                "EXTERNAL_RETURN 3 java.lang.String.valueOf arg0=3",
                "METHOD_RETURN StaticInit$Holder.<clinit> 9 value=MISSING",
                "METHOD_RETURN StaticInit.holder 3 value=3"
        )), run(StaticInit.class, "holder"));
    }
}
