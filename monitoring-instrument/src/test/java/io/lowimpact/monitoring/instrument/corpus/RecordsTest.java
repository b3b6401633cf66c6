package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.instrument.corpus.targets.Records;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records: the compact constructor, a method, and the toString that javac generates with invokedynamic. */
class RecordsTest extends CorpusTest {

    static List<String> point(int x) {
        return List.of(
                "CALL 6 Records$Point.<init> arg0=" + x,
                "METHOD_START Records$Point.<init>",
                "LINE 8",
                "CALL 1 java.lang.Record.<init> arg0=MISSING",
                "EXTERNAL_RETURN 1 java.lang.Record.<init> arg0=MISSING",
                "LINE 9");
    }

    static final List<String> POINT_END = List.of(
            "BRANCH_RIGHT 5->18",
            "LINE 8",                                   // 18: the implicit field assignments have the record's line
            "LINE 12",
            "METHOD_RETURN Records$Point.<init> 28 value=MISSING");

    @Test
    void compactConstructorAndMethod() {
        assertStream(concat(List.of("METHOD_START Records.sum", "LINE 23"), point(1), POINT_END, List.of(
                "CALL 9 Records$Point.sum arg0=Records$Point",
                "METHOD_START Records$Point.sum",
                "LINE 15",
                "METHOD_RETURN Records$Point.sum 9 value=3",
                "METHOD_RETURN Records.sum 12 value=3"
        )), run(Records.class, "sum", 1, 2));
    }

    @Test
    void compactConstructorThrows() {
        assertStream(concat(List.of("METHOD_START Records.sum", "LINE 23"), point(-1), List.of(
                "BRANCH_LEFT 5->8",
                "LINE 10",
                "CALL 14 java.lang.IllegalArgumentException.<init> arg0=x < 0",
                "EXTERNAL_RETURN 14 java.lang.IllegalArgumentException.<init> arg0=x < 0",
                "RAISE 17 IllegalArgumentException",
                "METHOD_UNWIND Records$Point.<init> 0 IllegalArgumentException",
                "METHOD_UNWIND Records.sum 0 IllegalArgumentException"
        )), run(Records.class, "sum", -1, 2));
    }

    @Test
    void generatedToString() {
        assertStream(concat(List.of("METHOD_START Records.show", "LINE 27"), point(1), POINT_END, List.of(
                "CALL 9 Records$Point.toString arg0=Records$Point",
                "METHOD_START Records$Point.toString",
                "LINE 7",                                   // generated methods have the record declaration's line
                "CALL 1 java.lang.runtime.ObjectMethods.toString arg0=Records$Point",
                "EXTERNAL_RETURN 1 java.lang.runtime.ObjectMethods.toString arg0=Records$Point",
                "METHOD_RETURN Records$Point.toString 6 value=Point[x=1, y=2]",
                "METHOD_RETURN Records.show 12 value=Point[x=1, y=2]"
        )), run(Records.class, "show", 1));
    }
}
