package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.instrument.corpus.targets.DefaultMethods;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interface static and default methods are units of the interface. */
class DefaultMethodsTest extends CorpusTest {

    @Test
    void defaultCallsAbstract() {
        assertStream(List.of(
                "METHOD_START DefaultMethods.doubledSquare",
                "LINE 37",
                "CALL 1 DefaultMethods$Shape.square arg0=3",                 // static interface method
                "METHOD_START DefaultMethods$Shape.square",
                "LINE 15",
                "CALL 5 DefaultMethods$Square.<init> arg0=3",
                "METHOD_START DefaultMethods$Square.<init>",
                "LINE 23",
                "CALL 1 java.lang.Object.<init> arg0=MISSING",
                "EXTERNAL_RETURN 1 java.lang.Object.<init> arg0=MISSING",
                "LINE 24",
                "LINE 25",
                "METHOD_RETURN DefaultMethods$Square.<init> 9 value=MISSING",
                "METHOD_RETURN DefaultMethods$Shape.square 8 value=DefaultMethods$Square",
                "CALL 4 DefaultMethods$Shape.doubled arg0=DefaultMethods$Square", // invokeinterface: the receiver
                "METHOD_START DefaultMethods$Shape.doubled",                  // the default method's own unit
                "LINE 11",
                "CALL 2 DefaultMethods$Shape.area arg0=DefaultMethods$Square",
                "METHOD_START DefaultMethods$Square.area",
                "LINE 29",
                "METHOD_RETURN DefaultMethods$Square.area 9 value=9",
                "METHOD_RETURN DefaultMethods$Shape.doubled 8 value=18",
                "METHOD_RETURN DefaultMethods.doubledSquare 9 value=18"
        ), run(DefaultMethods.class, "doubledSquare", 3));
    }
}
