package io.lowimpact.monitoring.instrument.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.instrument.testing.DefiningLoader;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The checks of the reliability corpus ({@link ClassCheck}, {@link JvmLink}) can fail, and a fast sample of
 * {@code CorpusReliabilityTest} for every build: one JDK package.
 */
class ClassCheckTest {

    /** {@code class Bad { static int f() { iconst_0; areturn; } }}: returns an int as a reference. */
    private static byte[] badClass(int version) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(version, Opcodes.ACC_PUBLIC, "Bad", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "f", "()Ljava/lang/Object;", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(1, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code class Old { static int f(int x) { return x > 0 ? 1 : 2; } }} at a given version. */
    private static byte[] goodClass(int version) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(version, Opcodes.ACC_PUBLIC, "Old", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "f", "(I)I", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        org.objectweb.asm.Label two = new org.objectweb.asm.Label();
        mv.visitJumpInsn(Opcodes.IFLE, two);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitLabel(two);
        mv.visitInsn(Opcodes.ICONST_2);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void r1_asmCheckFindsABadMethod() {
        String problem = ClassCheck.asmProblem(badClass(Opcodes.V17), getClass().getClassLoader());
        assertNotNull(problem);
        assertTrue(problem.startsWith("f()Ljava/lang/Object;"), problem);
        assertNull(ClassCheck.asmProblem(goodClass(Opcodes.V17), getClass().getClassLoader()));
    }

    @Test
    void r1_linkingVerifiesEveryMethodWithoutRunningAny() {
        for (int version : new int[] {Opcodes.V1_5, Opcodes.V17}) {
            DefiningLoader loader = new DefiningLoader(Map.of("Bad", badClass(version)),
                    getClass().getClassLoader());
            StringBuilder detail = new StringBuilder();
            assertEquals(JvmLink.Result.REFUSED, JvmLink.link(loader, "Bad", detail), "version " + version);
            assertTrue(detail.toString().startsWith("java.lang.VerifyError"), detail::toString);
        }
    }

    @Test
    void r1_oldClassesAreInstrumentedOrLeftUnchangedWithAReason() {
        for (int version : new int[] {Opcodes.V1_1, Opcodes.V1_4, Opcodes.V1_6}) {
            ClassCheck.Outcome outcome = ClassCheck.check(goodClass(version), getClass().getClassLoader());
            if (outcome.kind() == ClassCheck.Kind.UNCHANGED) {
                assertEquals("version < 51", outcome.reason());
            } else {
                assertEquals(ClassCheck.Kind.INSTRUMENTED, outcome.kind(), outcome::toString);
                DefiningLoader loader = new DefiningLoader(Map.of("Old", outcome.instrumented()),
                        getClass().getClassLoader());
                assertEquals(JvmLink.Result.LINKED, JvmLink.link(loader, "Old", new StringBuilder()));
            }
        }
    }

    @Test
    void r1_everyClassOfJavaUtilConcurrentPassesTheAsmCheck() throws IOException {
        Path dir = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("/modules/java.base/java/util/concurrent");
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(dir)) {
            classFiles = files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        Tally tally = new Tally("java.util.concurrent");
        for (Path classFile : classFiles) {
            tally.add(classFile.toString(), ClassCheck.check(Files.readAllBytes(classFile),
                    ClassLoader.getSystemClassLoader()));
        }
        assertTrue(tally.instrumented > 200, tally.row(false));
        assertEquals(List.of(), new ArrayList<>(tally.crashed));
        assertEquals(List.of(), new ArrayList<>(tally.broken));
    }
}
