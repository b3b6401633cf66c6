package io.lowimpact.monitoring.instrument.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.OfflineInstrumenter;
import io.lowimpact.monitoring.instrument.internal.ClassFileCheck;
import io.lowimpact.monitoring.instrument.testing.DefiningLoader;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The instrumenter's front door ({@link ClassFileCheck}): each malformation that ASM would repair is refused by the JVM and found by
 * {@link ClassFileCheck}; what the JVM accepts, the check accepts (every class of {@code java.base}, the edge cases
 * of modified UTF-8).
 */
class ClassFileCheckTest {

    /** Defines a class in a fresh loader and links it ({@link JvmLink}). */
    private static JvmLink.Result jvmAnswer(byte[] classFile, StringBuilder detail) {
        return JvmLink.link(new DefiningLoader(Map.of("M", classFile), ClassFileCheckTest.class
                .getClassLoader()), "M", detail);
    }

    /**
     * {@code class M { static int f(Runnable r) { r.run(); return 0x1234 line; } static Object g() { return
     * "A#B"; } }} at the given version, with a line number 0x1234 (a marker to find it by).
     */
    private static byte[] sample(int version, String constant) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "M", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "f", "(Ljava/lang/Runnable;)I", null, null);
        mv.visitCode();
        Label start = new Label();
        mv.visitLabel(start);
        mv.visitLineNumber(0x1234, start);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/lang/Runnable", "run", "()V", true);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        mv = cw.visitMethod(Opcodes.ACC_STATIC, "g", "()Ljava/lang/Object;", null, null);
        mv.visitCode();
        mv.visitLdcInsn(constant);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** The offset of the first occurrence of {@code pattern}. */
    private static int find(byte[] b, byte... pattern) {
        for (int i = 0; i + pattern.length <= b.length; i++) {
            if (Arrays.equals(b, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }

    /** The constant "A#B" with its middle byte replaced by the given bytes (the Utf8 entry's length adjusted). */
    private static byte[] withMiddle(byte[] b, byte... middle) {
        int at = find(b, (byte) 0, (byte) 3, (byte) 'A', (byte) '#', (byte) 'B');
        byte[] out = new byte[b.length + middle.length - 1];
        System.arraycopy(b, 0, out, 0, at + 3);
        out[at + 1] = (byte) (2 + middle.length);
        System.arraycopy(middle, 0, out, at + 3, middle.length);
        System.arraycopy(b, at + 4, out, at + 3 + middle.length, b.length - at - 4);
        return out;
    }

    private static void assertRefusedByBoth(byte[] classFile, String problemStart) {
        StringBuilder jvm = new StringBuilder();
        assertEquals(JvmLink.Result.REFUSED, jvmAnswer(classFile, jvm), jvm::toString);
        String problem = ClassFileCheck.problem(classFile);
        assertTrue(problem != null && problem.startsWith(problemStart), () -> problem + " (the JVM: " + jvm + ")");
    }

    private static void assertAcceptedByBoth(byte[] classFile) {
        StringBuilder jvm = new StringBuilder();
        assertEquals(JvmLink.Result.LINKED, jvmAnswer(classFile, jvm), jvm::toString);
        assertNull(ClassFileCheck.problem(classFile));
    }

    @Test
    void wellFormedSamplesPassAtVersions49And61() {
        assertAcceptedByBoth(sample(Opcodes.V1_5, "A#B"));
        assertAcceptedByBoth(sample(Opcodes.V17, "A#B"));
        assertAcceptedByBoth(sample(Opcodes.V17, "A\u0000\u00e9\u20ac\ud83d\ude00B")); // 2-, 3- and 6-byte forms
    }

    @Test
    void aByteThatIsNotModifiedUtf8IsMalformed() {
        assertRefusedByBoth(withMiddle(sample(Opcodes.V17, "A#B"), (byte) 0xff), "illegal modified UTF-8");
        assertRefusedByBoth(withMiddle(sample(Opcodes.V17, "A#B"), (byte) 0), "illegal modified UTF-8");
        assertRefusedByBoth(withMiddle(sample(Opcodes.V17, "A#B"), (byte) 0x80), "illegal modified UTF-8");
        assertRefusedByBoth(withMiddle(sample(Opcodes.V17, "A#B"), (byte) 0xe2, (byte) 0x82), "illegal modified");
    }

    @Test
    void anOverlongFormIsMalformedAfterVersion47Only() {
        // 'A' as two bytes: HotSpot refuses the overlong form from version 48 on and accepts it before.
        assertRefusedByBoth(withMiddle(sample(Opcodes.V1_5, "A#B"), (byte) 0xc1, (byte) 0x81), "illegal modified");
        assertAcceptedByBoth(withMiddle(sample(Opcodes.V1_3, "A#B"), (byte) 0xc1, (byte) 0x81));
    }

    @Test
    void extraOrMissingBytesAreMalformed() {
        byte[] b = sample(Opcodes.V17, "A#B");
        assertRefusedByBoth(Arrays.copyOf(b, b.length + 1), "extra bytes at the end");
        assertRefusedByBoth(Arrays.copyOf(b, b.length - 1), "truncated class file");
    }

    @Test
    void aLineNumberPastTheCodeIsMalformed() {
        byte[] b = sample(Opcodes.V17, "A#B");
        int line = find(b, (byte) 0, (byte) 0, (byte) 0x12, (byte) 0x34);
        b[line] = 0x7f; // start_pc 0x7f00
        assertRefusedByBoth(b, "invalid pc in LineNumberTable");
    }

    @Test
    void invokeinterfaceWithANonZeroFourthByteIsMalformed() {
        byte[] b = sample(Opcodes.V17, "A#B");
        int at = find(b, (byte) 0x2a /* aload_0 */, (byte) Opcodes.INVOKEINTERFACE);
        assertEquals(0, b[at + 5]);
        b[at + 5] = 1;
        assertRefusedByBoth(b, "bad operand bytes of invokeinterface");
    }

    @Test
    void badMagicAndAnIllegalDescriptorAreMalformed() {
        byte[] magic = sample(Opcodes.V17, "A#B");
        magic[0] = 0;
        assertRefusedByBoth(magic, "bad magic number");
        byte[] descriptor = sample(Opcodes.V17, "A#B");
        int at = find(descriptor, "(Ljava/lang/Runnable;)I".getBytes(StandardCharsets.US_ASCII));
        descriptor[at + 1] = '_';
        assertRefusedByBoth(descriptor, "illegal descriptor");
    }

    @Test
    void theOfflineApiRefusesAMalformedClass() {
        byte[] b = withMiddle(sample(Opcodes.V17, "A#B"), (byte) 0xff);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OfflineInstrumenter.instrument(b, EventSet.ALL));
        assertTrue(e.getMessage().startsWith("malformed class file: illegal modified UTF-8"), e::getMessage);
    }

    @Test
    void everyClassOfJavaBaseIsWellFormed() throws IOException {
        List<String> refused = new ArrayList<>();
        int count = 0;
        try (Stream<Path> files = Files.walk(FileSystems.getFileSystem(URI.create("jrt:/")).getPath(
                "/modules/java.base"))) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class")
                    && !f.toString().endsWith("module-info.class"))::iterator) {
                count++;
                String problem = ClassFileCheck.problem(Files.readAllBytes(p));
                if (problem != null) {
                    refused.add(p + ": " + problem);
                }
            }
        }
        assertTrue(count > 5000, "classes: " + count);
        assertEquals(List.of(), refused);
    }
}
