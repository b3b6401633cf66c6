package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.instrument.corpus.targets.Constructors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constructors: code before super(...), the super call, field initialisers after it, this(...) delegation. */
class ConstructorsTest extends CorpusTest {

    static List<String> derived(int x) {
        return List.of(
                "METHOD_START Constructors$Derived.<init>",
                "LINE 21",                                         // super(check(x) * 2): before the super call
                "CALL 2 Constructors.check arg0=" + x,
                "METHOD_START Constructors.check",
                "LINE 34",
                "BRANCH_RIGHT 1->14",
                "LINE 37",
                "METHOD_RETURN Constructors.check 15 value=" + x,
                "CALL 7 Constructors$Base.<init> arg0=" + 2 * x,    // the super call: arg0 is its first argument
                "METHOD_START Constructors$Base.<init>",
                "LINE 10",
                "CALL 1 java.lang.Object.<init> arg0=MISSING",
                "EXTERNAL_RETURN 1 java.lang.Object.<init> arg0=MISSING",
                "LINE 11",
                "LINE 12",
                "METHOD_RETURN Constructors$Base.<init> 9 value=MISSING",
                "LINE 17",                                         // entry at 10: the field initialiser, after super
                "LINE 22",
                "LINE 23",
                "METHOD_RETURN Constructors$Derived.<init> 20 value=MISSING");
    }

    @Test
    void superWithComputedArgument() {
        assertStream(concat(
                List.of("METHOD_START Constructors.make",
                        "LINE 41",
                        "CALL 5 Constructors$Derived.<init> arg0=3"),    // new Derived(3)
                derived(3),
                List.of("LINE 42",
                        "CALL 19 java.util.Objects.requireNonNull arg0=Constructors$Derived", // javac's null check for d.extra
                        "EXTERNAL_RETURN 19 java.util.Objects.requireNonNull arg0=Constructors$Derived",
                        "METHOD_RETURN Constructors.make 25 value=14")
        ), run(Constructors.class, "make", 3));
    }

    @Test
    void throwsBeforeSuper() {
        assertStream(List.of(
                "METHOD_START Constructors.make",
                "LINE 41",
                "CALL 5 Constructors$Derived.<init> arg0=-3",
                "METHOD_START Constructors$Derived.<init>",
                "LINE 21",
                "CALL 2 Constructors.check arg0=-3",
                "METHOD_START Constructors.check",
                "LINE 34",
                "BRANCH_LEFT 1->4",
                "LINE 35",
                "CALL 10 java.lang.IllegalArgumentException.<init> arg0=negative",
                "EXTERNAL_RETURN 10 java.lang.IllegalArgumentException.<init> arg0=negative",
                "RAISE 13 IllegalArgumentException",
                "METHOD_UNWIND Constructors.check 0 IllegalArgumentException",
                "METHOD_UNWIND Constructors$Derived.<init> 0 IllegalArgumentException", // S8: the constructor exits by the exception
                "METHOD_UNWIND Constructors.make 0 IllegalArgumentException"
        ), run(Constructors.class, "make", -3));
    }

    @Test
    void thisDelegation() {
        assertStream(concat(
                List.of("METHOD_START Constructors.makeDefault",
                        "LINE 46",
                        "CALL 4 Constructors$Derived.<init> arg0=MISSING", // new Derived(): no argument
                        "METHOD_START Constructors$Derived.<init>",
                        "LINE 26",
                        "CALL 2 Constructors$Derived.<init> arg0=1"),     // this(1)
                derived(1),
                List.of("LINE 27",
                        "METHOD_RETURN Constructors$Derived.<init> 5 value=MISSING",
                        "METHOD_RETURN Constructors.makeDefault 10 value=1")
        ), run(Constructors.class, "makeDefault"));
    }
}
