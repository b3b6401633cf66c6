package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.instrument.corpus.targets.InnerClasses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inner, anonymous and local classes: their methods and constructors are units of their own classes. */
class InnerClassesTest extends CorpusTest {

    @Test
    void innerClass() {
        assertStream(List.of(
                "METHOD_START InnerClasses.inner",
                "LINE 22",
                "CALL 6 InnerClasses.<init> arg0=10",
                "METHOD_START InnerClasses.<init>",
                "LINE 10",
                "CALL 1 java.lang.Object.<init> arg0=MISSING",
                "EXTERNAL_RETURN 1 java.lang.Object.<init> arg0=MISSING",
                "LINE 11",
                "LINE 12",
                "METHOD_RETURN InnerClasses.<init> 9 value=MISSING",
                "LINE 23",
                "CALL 16 java.util.Objects.requireNonNull arg0=InnerClasses",  // outer.new Inner(): null check
                "EXTERNAL_RETURN 16 java.util.Objects.requireNonNull arg0=InnerClasses",
                "CALL 20 InnerClasses$Inner.<init> arg0=InnerClasses",          // the outer instance is the first argument
                "METHOD_START InnerClasses$Inner.<init>",
                "LINE 15",                                                     // this$0 is stored before super()
                "CALL 6 java.lang.Object.<init> arg0=MISSING",
                "EXTERNAL_RETURN 6 java.lang.Object.<init> arg0=MISSING",
                "METHOD_RETURN InnerClasses$Inner.<init> 9 value=MISSING",
                "LINE 24",
                "CALL 26 InnerClasses$Inner.plus arg0=InnerClasses$Inner",
                "METHOD_START InnerClasses$Inner.plus",
                "LINE 17",
                "METHOD_RETURN InnerClasses$Inner.plus 9 value=11",
                "METHOD_RETURN InnerClasses.inner 29 value=11"
        ), run(InnerClasses.class, "inner", 1));
    }

    @Test
    void anonymousClass() {
        assertStream(List.of(
                "METHOD_START InnerClasses.anonymous",
                "LINE 28",
                "CALL 5 InnerClasses$1.<init> arg0=4",
                "METHOD_START InnerClasses$1.<init>",
                "LINE 28",
                "CALL 6 java.lang.Object.<init> arg0=MISSING",
                "EXTERNAL_RETURN 6 java.lang.Object.<init> arg0=MISSING",
                "METHOD_RETURN InnerClasses$1.<init> 9 value=MISSING",
                "LINE 34",
                "CALL 10 java.util.function.IntSupplier.getAsInt arg0=InnerClasses$1",
                "METHOD_START InnerClasses$1.getAsInt",
                "LINE 31",
                "METHOD_RETURN InnerClasses$1.getAsInt 6 value=8",
                // no EXTERNAL_RETURN: the code called, InnerClasses$1.getAsInt, is instrumented (S8), although
                // the invokeinterface names a JDK interface
                "METHOD_RETURN InnerClasses.anonymous 15 value=8"
        ), run(InnerClasses.class, "anonymous", 4));
    }

    @Test
    void localClass() {
        assertStream(List.of(
                "METHOD_START InnerClasses.local",
                "LINE 45",
                "CALL 5 InnerClasses$1Counter.<init> arg0=4",
                "METHOD_START InnerClasses$1Counter.<init>",
                "LINE 38",
                "CALL 6 java.lang.Object.<init> arg0=MISSING",
                "EXTERNAL_RETURN 6 java.lang.Object.<init> arg0=MISSING",
                "LINE 39",                                   // the field initialiser n = x
                "METHOD_RETURN InnerClasses$1Counter.<init> 17 value=MISSING",
                "CALL 8 InnerClasses$1Counter.next arg0=InnerClasses$1Counter",
                "METHOD_START InnerClasses$1Counter.next",
                "LINE 42",
                "METHOD_RETURN InnerClasses$1Counter.next 11 value=5",
                "METHOD_RETURN InnerClasses.local 11 value=5"
        ), run(InnerClasses.class, "local", 4));
    }
}
