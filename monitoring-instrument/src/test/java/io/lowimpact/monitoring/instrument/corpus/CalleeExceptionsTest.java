package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.instrument.corpus.targets.CalleeExceptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exceptions from callees: METHOD_UNWIND of each instrumented frame; EXTERNAL_RAISE for JDK callees. */
class CalleeExceptionsTest extends CorpusTest {

    @Test
    void throughTwoInstrumentedFrames() {
        assertStream(List.of(
                "METHOD_START CalleeExceptions.catchFromCallee",
                "LINE 19",
                "CALL 1 CalleeExceptions.middle arg0=4",
                "METHOD_START CalleeExceptions.middle",
                "LINE 14",
                "CALL 1 CalleeExceptions.fail arg0=4",
                "METHOD_START CalleeExceptions.fail",
                "LINE 10",
                "CALL 5 java.lang.invoke.StringConcatFactory.makeConcatWithConstants arg0=4",
                "EXTERNAL_RETURN 5 java.lang.invoke.StringConcatFactory.makeConcatWithConstants arg0=4",
                "CALL 10 java.lang.IllegalStateException.<init> arg0=fail 4",
                "EXTERNAL_RETURN 10 java.lang.IllegalStateException.<init> arg0=fail 4",
                "RAISE 13 IllegalStateException",
                "METHOD_UNWIND CalleeExceptions.fail 0 IllegalStateException",
                "METHOD_UNWIND CalleeExceptions.middle 0 IllegalStateException", // no handler in middle
                "EXCEPTION_HANDLED 5 IllegalStateException",
                "LINE 20",
                "LINE 21",
                "METHOD_RETURN CalleeExceptions.catchFromCallee 7 value=-1"
        ), run(CalleeExceptions.class, "catchFromCallee", 4));
    }

    @Test
    void fromJdkUncaught() {
        assertStream(List.of(
                "METHOD_START CalleeExceptions.fromJdk",
                "LINE 26",
                "CALL 1 java.lang.Integer.parseInt arg0=q",
                "EXTERNAL_RAISE 1 java.lang.Integer.parseInt arg0=q",
                "METHOD_UNWIND CalleeExceptions.fromJdk 0 NumberFormatException"
        ), run(CalleeExceptions.class, "fromJdk", "q"));
    }
}
