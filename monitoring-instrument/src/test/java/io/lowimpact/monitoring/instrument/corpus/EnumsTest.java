package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.instrument.corpus.targets.Enums;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Enums with constant bodies: each constant is an instance of its own class ({@code Enums$Op$1}...). */
class EnumsTest extends CorpusTest {

    static final String OP_ARRAY = "[Lio.lowimpact.monitoring.instrument.corpus.targets.Enums$Op;";

    static List<String> constant(String name, int cls, int callOffset) {
        return List.of(
                "CALL " + callOffset + " Enums$Op$" + cls + ".<init> arg0=" + name,
                "METHOD_START Enums$Op$" + cls + ".<init>",
                "LINE " + (cls == 1 ? 8 : 14),
                "CALL 4 Enums$Op.<init> arg0=" + name,                  // super(name, ordinal, symbol)
                "METHOD_START Enums$Op.<init>",
                "LINE 23",
                "CALL 3 java.lang.Enum.<init> arg0=" + name,
                "EXTERNAL_RETURN 3 java.lang.Enum.<init> arg0=" + name,
                "LINE 24",
                "LINE 25",
                "METHOD_RETURN Enums$Op.<init> 11 value=MISSING",
                "METHOD_RETURN Enums$Op$" + cls + ".<init> 7 value=MISSING");
    }

    static final List<String> CLINIT = concat(
            List.of("METHOD_START Enums$Op.<clinit>", "LINE 8"),
            constant("PLUS", 1, 9),
            List.of("LINE 14"),
            constant("TIMES", 2, 24),
            List.of("LINE 7",                                             // $VALUES = $values()
                    "CALL 30 Enums$Op.$values arg0=MISSING",
                    "METHOD_START Enums$Op.$values",
                    "LINE 7",
                    "METHOD_RETURN Enums$Op.$values 16 value=Op[2]",
                    "METHOD_RETURN Enums$Op.<clinit> 36 value=MISSING"));

    static final List<String> VALUES = List.of(
            "METHOD_START Enums$Op.values",
            "LINE 7",
            "CALL 3 " + OP_ARRAY + ".clone arg0=Op[2]",
            "EXTERNAL_RETURN 3 " + OP_ARRAY + ".clone arg0=Op[2]",    // S8: an array's clone() is JDK code
            "METHOD_RETURN Enums$Op.values 9 value=Op[2]");

    @Test
    void constantSpecificBody() {
        assertStream(concat(
                List.of("METHOD_START Enums.apply", "LINE 34", "CALL 1 Enums$Op.valueOf arg0=TIMES"),
                CLINIT,
                List.of("METHOD_START Enums$Op.valueOf", "LINE 7", "CALL 3 java.lang.Enum.valueOf arg0=Class"),
                VALUES,                                                   // Enum.valueOf calls values() back
                List.of("EXTERNAL_RETURN 3 java.lang.Enum.valueOf arg0=Class",
                        "METHOD_RETURN Enums$Op.valueOf 9 value=TIMES",
                        "CALL 6 Enums$Op.apply arg0=TIMES",               // invokevirtual Op.apply, dispatched to Op$2
                        "METHOD_START Enums$Op$2.apply",
                        "LINE 17",
                        "METHOD_RETURN Enums$Op$2.apply 3 value=6",
                        "METHOD_RETURN Enums.apply 9 value=6")
        ), run(Enums.class, "apply", "TIMES", 2, 3));
    }

    @Test
    void values() {
        assertStream(concat(
                List.of("METHOD_START Enums.count", "LINE 38", "CALL 0 Enums$Op.values arg0=MISSING"),
                CLINIT,
                VALUES,
                List.of("METHOD_RETURN Enums.count 4 value=2")
        ), run(Enums.class, "count"));
    }
}
