package io.lowimpact.monitoring.benchmarks.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class JitStatsTest {

    /** Lines as JDK 17's {@code -XX:+CITime -XX:+PrintCompilation} print them (shortened). */
    private static final String OUTPUT = String.join("\n",
            "     46    1       3       java.lang.Object::<init> (1 bytes)   made not entrant",
            "     50   29       3       java.util.HashMap::putVal (300 bytes)   COMPILE SKIPPED: concurrent class loading",
            "    700  901 %     4       com.sun.tools.javac.comp.Attr::attribTree @ 12 (300 bytes)   COMPILE SKIPPED: "
                    + "out of nodes during matching",
            "    710  950       4       com.sun.tools.javac.comp.Attr::attribTree (300 bytes)   COMPILE SKIPPED: "
                    + "concurrent class loading",
            "    720  951       2       com.sun.tools.javac.code.Types::isSameType (30 bytes)",
            "    730  952       2       com.sun.tools.javac.code.Types::isSameType (30 bytes)   made not entrant",
            "",
            "Individual compiler times (for compiled methods only)",
            "------------------------------------------------",
            "",
            "  C1 {speed: 198718.775 bytes/s; standard:  4.119 s, 813701 bytes, 6284 methods; osr:  0.065 s, 17706 bytes,"
                    + " 42 methods; nmethods_size: 12812984 bytes; nmethods_code_size: 8638624 bytes}",
            "  C2 {speed: 16650.411 bytes/s; standard:  9.535 s, 149490 bytes, 558 methods; osr:  0.618 s, 19563 bytes,"
                    + " 14 methods; nmethods_size: 1279032 bytes; nmethods_code_size: 828736 bytes}",
            "",
            "  Tier1 {speed: 24926.413 bytes/s; standard:  0.069 s, 1732 bytes, 392 methods; osr:  0.000 s, 0 bytes,"
                    + " 0 methods; nmethods_size: 97960 bytes; nmethods_code_size: 63424 bytes}",
            "Accumulated compiler times",
            "----------------------------------------------------------",
            "  Total compilation time   :  14.412 s",
            "    Standard compilation   :  13.654 s, Average : 0.002 s",
            "");

    @Test
    void parsesCiTimeTotals() {
        JitStats s = JitStats.parse(OUTPUT);
        assertEquals(14.412, s.compileSeconds());
        assertEquals(8638624L + 828736L, s.codeBytes());           // C1 + C2, not the Tier lines again
        assertEquals(6284L + 42 + 558 + 14, s.methods());
    }

    @Test
    void countsMadeNotEntrantAndCollectsBailoutsWithReasons() {
        JitStats s = JitStats.parse(OUTPUT);
        assertEquals(2, s.notEntrant());
        assertEquals(Map.of(
                "java.util.HashMap::putVal", Set.of("concurrent class loading"),
                "com.sun.tools.javac.comp.Attr::attribTree", Set.of("out of nodes during matching",
                        "concurrent class loading")), s.skipped());
    }

    @Test
    void newBailoutsAreThoseUnderThePrefixThatTheBaselineLacks() {
        JitStats s = JitStats.parse(OUTPUT);
        JitStats base = JitStats.parse(
                "  10 950 4 com.sun.tools.javac.comp.Attr::attribTree (300 bytes)   COMPILE SKIPPED: concurrent class loading");
        assertEquals(Map.of("com.sun.tools.javac.comp.Attr::attribTree", Set.of("out of nodes during matching")),
                s.newSkipped("com.sun.tools.javac.", base));
    }

    @Test
    void emptyOutputGivesZeros() {
        JitStats s = JitStats.parse("");
        assertEquals(new JitStats(0, 0, 0, 0, Map.of()), s);
    }

    @Test
    void parsesJfrDeoptimizationEvents() {
        String print = String.join("\n",
                "jdk.Deoptimization {",
                "  startTime = 21:47:48.096",
                "  method = java.util.ArrayList.grow(int)",
                "  reason = \"unstable_if\"",
                "}",
                "",
                "jdk.Deoptimization {",
                "  method = com.sun.tools.javac.parser.UnicodeReader.nextCodeUnit()",
                "  reason = \"unstable_if\"",
                "}",
                "jdk.Deoptimization {",
                "  method = com.sun.tools.javac.comp.Attr.visitApply(JCTree$JCMethodInvocation)",
                "  reason = \"class_check\"",
                "}");
        Deopts d = Deopts.parse(print, "com.sun.tools.javac.");
        assertEquals(new Deopts(3, 2, Map.of("unstable_if", 2L, "class_check", 1L)), d);
    }
}
