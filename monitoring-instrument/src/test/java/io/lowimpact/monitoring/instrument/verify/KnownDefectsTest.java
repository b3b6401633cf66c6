package io.lowimpact.monitoring.instrument.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.OfflineInstrumenter;
import io.lowimpact.monitoring.instrument.testing.DefiningLoader;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Minimal reproductions of defects that the reliability runs found in the instrumenter (docs/reliability.md,
 * "Findings"). Those that still fail are tagged {@code known-defect} and left out of every build; run them with
 * {@code mvn -B -pl monitoring-instrument -am test -Dtest=KnownDefectsTest -Dlowimpact.test.excludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}. Once one passes, drop its tag.
 */
class KnownDefectsTest {

    /**
     * {@code class Ctor { Ctor(int k) { if (k != 0) super(); else { System.nanoTime(); super(); } } }}: two
     * {@code super()} calls on two paths, the second after an external call while {@code this} is still
     * uninitialised, as groovyc writes constructors ({@code groovy.cli.CliBuilderException(Throwable)} in
     * groovy 4.0.33: a {@code lookupswitch} over the candidate super constructors).
     */
    private static byte[] twoSuperCalls() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Ctor", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(I)V", null, null);
        mv.visitCode();
        Label other = new Label();
        Label end = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        mv.visitJumpInsn(Opcodes.IFEQ, other);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitJumpInsn(Opcodes.GOTO, end);
        mv.visitLabel(other);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "nanoTime", "()J", false);
        mv.visitInsn(Opcodes.POP2);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitLabel(end);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static JvmLink.Result link(byte[] classFile) {
        DefiningLoader loader = new DefiningLoader(Map.of("Ctor", classFile),
                KnownDefectsTest.class.getClassLoader());
        StringBuilder detail = new StringBuilder();
        JvmLink.Result result = JvmLink.link(loader, "Ctor", detail);
        if (result != JvmLink.Result.LINKED) {
            System.out.println(detail);
        }
        return result;
    }

    /**
     * The METHOD_UNWIND handler covers the second path, where {@code this} is uninitialised: "Stack map does not
     * match the one at exception handler". (EXTERNAL_RAISE alone verifies.)
     */
    @Test
    void constructorWithTwoSuperCallsVerifiesWithMethodUnwind() {
        assertEquals(JvmLink.Result.LINKED, link(twoSuperCalls()), "the original");
        assertEquals(JvmLink.Result.LINKED,
                link(OfflineInstrumenter.instrument(twoSuperCalls(), EventSet.of(Event.METHOD_UNWIND))));
    }

    /** {@code class Utf { static Object f() { return "A#B"; } }} with the '#' of that constant made 0xFF. */
    private static byte[] malformedUtf8() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Utf", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "f", "()Ljava/lang/Object;", null, null);
        mv.visitCode();
        mv.visitLdcInsn("A#B");
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        byte[] b = cw.toByteArray();
        for (int i = 0; i + 2 < b.length; i++) {
            if (b[i] == 'A' && b[i + 1] == '#' && b[i + 2] == 'B') {
                b[i + 1] = (byte) 0xff; // not modified UTF-8: the JVM refuses the class
            }
        }
        return b;
    }

    /**
     * A class file that the JVM refuses ("Illegal UTF8 string in constant pool") came out of the instrumenter as
     * one it accepts: ASM decodes the constant leniently and writes it back valid, so under the agent such a class
     * loaded where it would not without it (MalformedClassesIT found it: {@code probes=LINE} was enough). Fixed by
     * the instrumenter's front door (ClassFileCheck): it refuses what the JVM refuses, the agent leaves it unchanged.
     */
    @Test
    void malformedClassIsNotRepaired() {
        StringBuilder detail = new StringBuilder();
        DefiningLoader loader = new DefiningLoader(Map.of("Utf", malformedUtf8()),
                KnownDefectsTest.class.getClassLoader());
        assertEquals(JvmLink.Result.REFUSED, JvmLink.link(loader, "Utf", detail), "the original");
        byte[] instrumented;
        try {
            instrumented = OfflineInstrumenter.instrument(malformedUtf8(), EventSet.of(Event.LINE));
        } catch (IllegalArgumentException refused) {
            return;
        }
        DefiningLoader again = new DefiningLoader(Map.of("Utf", instrumented),
                KnownDefectsTest.class.getClassLoader());
        assertEquals(JvmLink.Result.REFUSED, JvmLink.link(again, "Utf", new StringBuilder()), detail::toString);
    }
}
