package io.lowimpact.monitoring.instrument.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JSR-45 SMAP parser, on hand-written SMAPs. */
class SmapParserTest {

    /**
     * A JSP page compiled to a servlet, in the style of the JSR-45 specification's example: Hi.jsp includes
     * greeting.jsp; each of Hi.jsp's lines 1-5 became two servlet lines, greeting.jsp's lines one each.
     */
    private static final String JSP = String.join("\n",
            "SMAP",
            "Hi_jsp.java",
            "JSP",
            "*S JSP",
            "*F",
            "+ 0 Hi.jsp",
            "WEB-INF/jsp/Hi.jsp",
            "1 greeting.jsp",
            "*L",
            "1#0,5:10,2",
            "1#1,2:20",
            "7#0:22,3",
            "*E",
            "");

    @Test
    void parseTheJspExample() {
        Smap smap = SmapParser.parse(JSP);
        assertEquals("Hi_jsp.java", smap.outputFileName());
        assertEquals("JSP", smap.defaultStratumId());
        SmapStratum jsp = smap.defaultStratum().orElseThrow();
        assertEquals(List.of(new SmapFile(0, "Hi.jsp", "WEB-INF/jsp/Hi.jsp"), new SmapFile(1, "greeting.jsp", null)),
                jsp.files());
        assertEquals(List.of(new SmapLineInfo(1, 0, 5, 10, 2), new SmapLineInfo(1, 1, 2, 20, 1),
                new SmapLineInfo(7, 0, 1, 22, 3)), jsp.lineInfos());
    }

    @Test
    void mapOutputLinesToInputLines() {
        SmapStratum jsp = SmapParser.parse(JSP).defaultStratum().orElseThrow();
        assertEquals(Optional.empty(), jsp.map(9));
        assertEquals(Optional.of(new SourceLine(0, 1)), jsp.map(10));
        assertEquals(Optional.of(new SourceLine(0, 1)), jsp.map(11));
        assertEquals(Optional.of(new SourceLine(0, 2)), jsp.map(12));
        assertEquals(Optional.of(new SourceLine(0, 5)), jsp.map(19));
        assertEquals(Optional.of(new SourceLine(1, 1)), jsp.map(20));
        assertEquals(Optional.of(new SourceLine(1, 2)), jsp.map(21));
        assertEquals(Optional.of(new SourceLine(0, 7)), jsp.map(22));
        assertEquals(Optional.of(new SourceLine(0, 7)), jsp.map(24));
        assertEquals(Optional.empty(), jsp.map(25));
    }

    @Test
    void parseSeveralStrataAndInheritTheFileIdWithinAStratum() {
        Smap smap = SmapParser.parse(String.join("\r\n",
                "SMAP",
                "Foo.kt",
                "Kotlin",
                "*S Kotlin",
                "*F",
                "+ 1 Foo.kt",
                "com/example/Foo.kt",
                "+ 2 Inline.kt",
                "com/example/InlineKt",
                "*L",
                "1#1,20:1",
                "5#2,3:21",
                "9:24",
                "*S KotlinDebug",
                "*F",
                "+ 1 Foo.kt",
                "com/example/Foo.kt",
                "*L",
                "12#1:21",
                "*E"));
        assertEquals(List.of("Kotlin", "KotlinDebug"), smap.strata().stream().map(SmapStratum::id).toList());
        SmapStratum kotlin = smap.defaultStratum().orElseThrow();
        assertEquals(new SmapLineInfo(9, 2, 1, 24, 1), kotlin.lineInfos().get(2));
        assertEquals(Optional.of(new SourceLine(1, 6)), kotlin.map(22));
        assertEquals(Optional.of(new SourceLine(1, 9)), kotlin.map(24));
        SmapStratum debug = smap.stratum("KotlinDebug").orElseThrow();
        assertEquals(List.of(new SmapLineInfo(12, 1, 1, 21, 1)), debug.lineInfos());
        assertEquals(Optional.of(new SourceLine(0, 12)), debug.map(21));
        assertEquals(Optional.empty(), smap.stratum("Java"));
    }

    @Test
    void letTheFirstCoveringLineInfoDecideAndMapNothingWithIncrementZero() {
        SmapStratum s = SmapParser.parse(String.join("\n",
                "SMAP", "Out.java", "T", "*S T", "*F", "1 a.t", "2 b.t", "*L",
                "3#1,2:5,0", "7#2,3:5", "40#1:6", "*E")).defaultStratum().orElseThrow();
        assertEquals(Optional.of(new SourceLine(1, 7)), s.map(5));
        assertEquals(Optional.of(new SourceLine(1, 8)), s.map(6));
        assertEquals(Optional.of(new SourceLine(1, 9)), s.map(7));
    }

    @Test
    void skipVendorAndEmbeddedSectionsAndTolerateSpaces() {
        Smap smap = SmapParser.parse(String.join("\n",
                "SMAP", "Out.java", "T",
                "*O Inner", "SMAP", "Inner.java", "X", "*O Deeper", "*C Deeper", "*S X", "*E", "*C Inner",
                "*S T", "*V", "vendor data: 1#1:1", "*F", "  1  a.t  ", "", "*L", " 2 # 1 , 3 : 10 , 2 ", "*E",
                "anything after the end"));
        assertEquals(List.of("T"), smap.strata().stream().map(SmapStratum::id).toList());
        SmapStratum t = smap.defaultStratum().orElseThrow();
        assertEquals(List.of(new SmapFile(1, "a.t", null)), t.files());
        assertEquals(List.of(new SmapLineInfo(2, 1, 3, 10, 2)), t.lineInfos());
    }

    @Test
    void refuseMalformedSmapsNamingTheLine() {
        assertMalformed("invalid SMAP at line 1: an SMAP must start with the line 'SMAP', not 'SMAP2'", "SMAP2\nA\nB\n*E");
        assertMalformed("invalid SMAP at line 3: the SMAP header has no default stratum id", "SMAP\nOut.java");
        assertMalformed("invalid SMAP at line 5: the SMAP has no end section '*E'", "SMAP\nO\nT\n*S T\n");
        assertMalformed("invalid SMAP at line 4: a file section must follow a stratum section '*S'", "SMAP\nO\nT\n*F\n1 a\n*E");
        assertMalformed("invalid SMAP at line 4: a line section must follow a stratum section '*S'", "SMAP\nO\nT\n*L\n*E");
        assertMalformed("invalid SMAP at line 4: expected a section (*S, *F, *L, *E...), not '1#1:1'", "SMAP\nO\nT\n1#1:1\n*E");
        assertMalformed("invalid SMAP at line 4: a stratum section '*S' needs a stratum id", "SMAP\nO\nT\n*S \n*E");
        assertMalformed("invalid SMAP at line 5: stratum 'T' is declared twice", "SMAP\nO\nT\n*S T\n*S T\n*E");
        assertMalformed("invalid SMAP at line 6: expected a FileInfo '[+ ]FileID FileName', not 'a.t'",
                "SMAP\nO\nT\n*S T\n*F\na.t\n*E");
        assertMalformed("invalid SMAP at line 7: FileID 1 is declared twice in stratum 'T'",
                "SMAP\nO\nT\n*S T\n*F\n1 a.t\n1 b.t\n*E");
        assertMalformed("invalid SMAP at line 7: a '+' FileInfo must be followed by its path",
                "SMAP\nO\nT\n*S T\n*F\n+ 1 a.t\n*E");
        assertMalformed("invalid SMAP at line 8: expected a LineInfo 'InputStartLine[#LineFileID][,RepeatCount]"
                + ":OutputStartLine[,OutputLineIncrement]', not '1#x:2'", "SMAP\nO\nT\n*S T\n*F\n1 a.t\n*L\n1#x:2\n*E");
        assertMalformed("invalid SMAP at line 8: line info refers to FileID 2, which stratum 'T' does not declare",
                "SMAP\nO\nT\n*S T\n*F\n1 a.t\n*L\n1#2:2\n*E");
        assertMalformed("invalid SMAP at line 4: embedded SMAP '*O' is never closed by '*C'", "SMAP\nO\nT\n*O X\n*E");
        assertThrows(NullPointerException.class, () -> SmapParser.parse(null));
    }

    private static void assertMalformed(String message, String smap) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Smap.parse(smap));
        assertEquals(message, e.getMessage());
    }
}
