package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.instrument.corpus.targets.StringEnumSwitch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Switches on strings (hashCode lookupswitch, equals, then a second lookupswitch) and on enums (a synthetic
 * {@code $SwitchMap$} class, initialised on first use, and {@code ordinal()}).
 */
class StringEnumSwitchTest extends CorpusTest {

    static final String COLOR_ARRAY = "[Lio.lowimpact.monitoring.instrument.corpus.targets.StringEnumSwitch$Color;";

    @Test
    void stringCase() {
        assertStream(List.of(
                "METHOD_START StringEnumSwitch.ofString",
                "LINE 13",                                               // the whole dispatch is line 13
                "CALL 5 java.lang.String.hashCode arg0=b",
                "EXTERNAL_RETURN 5 java.lang.String.hashCode arg0=b",
                "BRANCH_RIGHT 8->50",                                    // "b".hashCode() == 98
                "LINE 13",                                               // 50: jump target in line 13's range
                "CALL 53 java.lang.String.equals arg0=b",
                "EXTERNAL_RETURN 53 java.lang.String.equals arg0=b",
                "BRANCH_LEFT 56->59",                                    // ifeq 61 with true
                "LINE 13",                                               // 61: jump target, reached by falling through
                "BRANCH_RIGHT 62->90",                                   // index 1
                "LINE 17",
                "METHOD_RETURN StringEnumSwitch.ofString 91 value=2"
        ), run(StringEnumSwitch.class, "ofString", "b"));
    }

    @Test
    void stringDefault() {
        assertStream(List.of(
                "METHOD_START StringEnumSwitch.ofString",
                "LINE 13",
                "CALL 5 java.lang.String.hashCode arg0=zz",
                "EXTERNAL_RETURN 5 java.lang.String.hashCode arg0=zz",
                "BRANCH_LEFT 8->61",                                     // no such hash: default
                "LINE 13",                                               // 61
                "BRANCH_LEFT 62->92",                                    // index -1: default
                "LINE 19",
                "METHOD_RETURN StringEnumSwitch.ofString 93 value=0"
        ), run(StringEnumSwitch.class, "ofString", "zz"));
    }

    /** valueOf(name) in a fresh loader: Color's static initialiser, then Enum.valueOf, which calls values(). */
    static List<String> valueOf(String name) {
        return List.of(
                "CALL 1 StringEnumSwitch$Color.valueOf arg0=" + name,
                "METHOD_START StringEnumSwitch$Color.<clinit>",          // first use of Color: static initialiser
                "LINE 7",
                "CALL 7 StringEnumSwitch$Color.<init> arg0=RED",         // constructor call: arg0 is the first argument
                "METHOD_START StringEnumSwitch$Color.<init>",
                "LINE 7",
                "CALL 3 java.lang.Enum.<init> arg0=RED",                 // super(name, ordinal)
                "EXTERNAL_RETURN 3 java.lang.Enum.<init> arg0=RED",
                "METHOD_RETURN StringEnumSwitch$Color.<init> 6 value=MISSING",
                "CALL 20 StringEnumSwitch$Color.<init> arg0=GREEN",
                "METHOD_START StringEnumSwitch$Color.<init>",
                "LINE 7",
                "CALL 3 java.lang.Enum.<init> arg0=GREEN",
                "EXTERNAL_RETURN 3 java.lang.Enum.<init> arg0=GREEN",
                "METHOD_RETURN StringEnumSwitch$Color.<init> 6 value=MISSING",
                "CALL 33 StringEnumSwitch$Color.<init> arg0=BLUE",
                "METHOD_START StringEnumSwitch$Color.<init>",
                "LINE 7",
                "CALL 3 java.lang.Enum.<init> arg0=BLUE",
                "EXTERNAL_RETURN 3 java.lang.Enum.<init> arg0=BLUE",
                "METHOD_RETURN StringEnumSwitch$Color.<init> 6 value=MISSING",
                "CALL 39 StringEnumSwitch$Color.$values arg0=MISSING",   // no argument: MISSING
                "METHOD_START StringEnumSwitch$Color.$values",
                "LINE 7",
                "METHOD_RETURN StringEnumSwitch$Color.$values 22 value=Color[3]",
                "METHOD_RETURN StringEnumSwitch$Color.<clinit> 45 value=MISSING",
                "METHOD_START StringEnumSwitch$Color.valueOf",
                "LINE 7",
                "CALL 3 java.lang.Enum.valueOf arg0=Class",
                "METHOD_START StringEnumSwitch$Color.values",            // called back by the JDK (reflection)
                "LINE 7",
                "CALL 3 " + COLOR_ARRAY + ".clone arg0=Color[3]",
                "EXTERNAL_RETURN 3 " + COLOR_ARRAY + ".clone arg0=Color[3]", // S8: an array's clone is JDK code
                "METHOD_RETURN StringEnumSwitch$Color.values 9 value=Color[3]",
                "EXTERNAL_RETURN 3 java.lang.Enum.valueOf arg0=Class",
                "METHOD_RETURN StringEnumSwitch$Color.valueOf 9 value=" + name);
    }

    /** getstatic of $SwitchMap$: the synthetic class's static initialiser, with its NoSuchFieldError handlers. */
    static final List<String> SWITCH_MAP = List.of(
            "METHOD_START StringEnumSwitch$1.<clinit>",
            "LINE 25",
            "CALL 0 StringEnumSwitch$Color.values arg0=MISSING",
            "METHOD_START StringEnumSwitch$Color.values",
            "LINE 7",
            "CALL 3 " + COLOR_ARRAY + ".clone arg0=Color[3]",
            "EXTERNAL_RETURN 3 " + COLOR_ARRAY + ".clone arg0=Color[3]",
            "METHOD_RETURN StringEnumSwitch$Color.values 9 value=Color[3]",
            "CALL 15 StringEnumSwitch$Color.ordinal arg0=RED",
            "EXTERNAL_RETURN 15 StringEnumSwitch$Color.ordinal arg0=RED", // S8: Color.ordinal() is Enum.ordinal(), JDK code
            "JUMP 20->24",                                               // goto over the handler
            "LINE 25",                                                   // 24: jump target in line 25's range
            "CALL 30 StringEnumSwitch$Color.ordinal arg0=BLUE",
            "EXTERNAL_RETURN 30 StringEnumSwitch$Color.ordinal arg0=BLUE",
            "JUMP 35->39",
            "LINE 25",                                                   // 39: jump target
            "METHOD_RETURN StringEnumSwitch$1.<clinit> 39 value=MISSING");

    @Test
    void enumCase() {
        assertStream(concat(
                List.of("METHOD_START StringEnumSwitch.ofEnum", "LINE 24"),
                valueOf("BLUE"),
                List.of("LINE 25"),                                      // entry at 5, before the getstatic that initialises $1
                SWITCH_MAP,
                List.of(
                        "CALL 9 StringEnumSwitch$Color.ordinal arg0=BLUE",
                        "EXTERNAL_RETURN 9 StringEnumSwitch$Color.ordinal arg0=BLUE", // S8: Enum.ordinal() is not instrumented
                        "BRANCH_RIGHT 13->42",                           // $SwitchMap$[BLUE.ordinal()] == 2
                        "LINE 29",
                        "METHOD_RETURN StringEnumSwitch.ofEnum 43 value=3")
        ), run(StringEnumSwitch.class, "ofEnum", "BLUE"));
    }

    @Test
    void enumDefault() {
        assertStream(concat(
                List.of("METHOD_START StringEnumSwitch.ofEnum", "LINE 24"),
                valueOf("GREEN"),
                List.of("LINE 25"),
                SWITCH_MAP,
                List.of(
                        "CALL 9 StringEnumSwitch$Color.ordinal arg0=GREEN",
                        "EXTERNAL_RETURN 9 StringEnumSwitch$Color.ordinal arg0=GREEN",
                        "BRANCH_LEFT 13->44",                            // GREEN has no case: 0, the default
                        "LINE 31",
                        "METHOD_RETURN StringEnumSwitch.ofEnum 45 value=0")
        ), run(StringEnumSwitch.class, "ofEnum", "GREEN"));
    }
}
