package io.lowimpact.monitoring.instrument.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Position;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Source files and positions through SMAPs, and refusal of bad input. */
class ClassAnalyzerTest {

    /** StraightLine's lines are 6 and 7 (constructor) and 10, 11, 12 (add): 1-10 come from page.tmpl, 11 from footer. */
    private static final String TEMPLATE_SMAP = String.join("\n",
            "SMAP",
            "StraightLine.java",
            "Tmpl",
            "*S Tmpl",
            "*F",
            "+ 1 page.tmpl",
            "templates/page.tmpl",
            "2 footer.tmpl",
            "*L",
            "1#1,10:1",
            "5#2:11",
            "*E");

    @Test
    void mapPositionsThroughTheDefaultStratum() {
        byte[] classFile = GeneratedClasses.withSourceDebugExtension(TargetClasses.bytes("StraightLine"), TEMPLATE_SMAP);
        ClassAnalysis c = ClassAnalyzer.analyze(classFile);
        assertEquals("StraightLine.java", c.sourceFile());
        assertEquals(TEMPLATE_SMAP, c.sourceDebugExtension());
        assertEquals("Tmpl", c.smap().orElseThrow().defaultStratumId());
        assertEquals(List.of("page.tmpl", "footer.tmpl"), c.sourceFiles());
        MethodAnalysis add = c.method("add", "(II)I").orElseThrow();
        // line 10 -> page.tmpl:10, line 11 -> footer.tmpl:5, line 12 -> unmapped (class file line, unknown file)
        assertEquals(List.of(Position.ofLine(0, 4, 10, 0), Position.ofLine(4, 8, 5, 1), Position.ofLine(8, 10, 12, -1)),
                add.positions());
        assertEquals(5, add.firstLine());
        assertEquals(List.of(new LinePoint(0, 10), new LinePoint(4, 11), new LinePoint(8, 12)), add.linePoints(),
                "line points keep the class file's lines");
        assertEquals(List.of(Position.ofLine(0, 4, 6, 0), Position.ofLine(4, 5, 7, 0)),
                c.method("<init>", "()V").orElseThrow().positions());
    }

    @Test
    void ignoreSourceDebugExtensionsThatAreNoUsableSmap() {
        for (String debug : List.of("not an SMAP", "SMAP\nStraightLine.java\nTmpl\n*S Tmpl\n", TEMPLATE_SMAP.replace("Tmpl\n*S", "Java\n*S"))) {
            ClassAnalysis c = ClassAnalyzer.analyze(GeneratedClasses.withSourceDebugExtension(TargetClasses.bytes("StraightLine"), debug));
            assertEquals(debug, c.sourceDebugExtension());
            assertEquals(List.of("StraightLine.java"), c.sourceFiles(), debug);
            assertEquals(Position.ofLine(0, 4, 10, 0), c.method("add", "(II)I").orElseThrow().positions().get(0), debug);
        }
        ClassAnalysis notSmap = ClassAnalyzer.analyze(
                GeneratedClasses.withSourceDebugExtension(TargetClasses.bytes("StraightLine"), "not an SMAP"));
        assertEquals(Optional.empty(), notSmap.smap());
    }

    @Test
    void skipMethodsWithoutCode() {
        ClassAnalysis runnable = ClassAnalyzer.analyze(jdkClass("java/lang/Runnable"));
        assertEquals(List.of(), runnable.methods());
        assertEquals("java.lang.Runnable", runnable.className());
        ClassAnalysis thread = ClassAnalyzer.analyze(jdkClass("java/lang/Thread"));
        assertTrue(thread.method("currentThread", "()Ljava/lang/Thread;").isEmpty(), "native");
        assertTrue(thread.method("run", "()V").isPresent());
    }

    @Test
    void refuseMalformedClassFilesWithTheClassName() {
        byte[] whole = TargetClasses.bytes("Loops");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassAnalyzer.analyze(Arrays.copyOf(whole, whole.length - 40)));
        assertTrue(e.getMessage().startsWith("cannot analyse class " + TargetClasses.PACKAGE.replace('.', '/')
                + "/Loops: malformed class file ("), e.getMessage());
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
                () -> ClassAnalyzer.analyze(Arrays.copyOf(whole, 12)));
        assertTrue(header.getMessage().startsWith("cannot analyse class ?: malformed class file ("), header.getMessage());
        assertEquals("not a class file (magic 0x00000000, must start with 0xCAFEBABE)",
                assertThrows(IllegalArgumentException.class, () -> ClassAnalyzer.analyze(new byte[16])).getMessage());
        assertThrows(NullPointerException.class, () -> ClassAnalyzer.analyze(null));
    }

    @Test
    void giveResultsThatCannotBeChanged() {
        MethodAnalysis add = TargetClasses.method("StraightLine", "add", "(II)I");
        add.instructionOffsets()[0] = 99;
        assertEquals(0, add.instructionOffsets()[0]);
        assertThrows(UnsupportedOperationException.class, () -> add.lines().clear());
        assertThrows(UnsupportedOperationException.class, () -> TargetClasses.analyze("StraightLine").methods().clear());
        assertEquals("no instruction at offset 10 of add(II)I",
                assertThrows(IllegalArgumentException.class, () -> add.opcodeAt(10)).getMessage());
    }

    static byte[] jdkClass(String internalName) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
