package io.lowimpact.monitoring.instrument.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Each condition of {@link RethrowDetector}'s rule, on hand-written handlers; javac's own shapes are checked in
 * {@link ClassAnalyzerTargetsTest}. Every method: try { m0 } catch (type) { handler body }, offsets below.
 */
class RethrowDetectorTest {

    /**
     * 0: aload_0, 1: invokestatic m0, 4: return, then the handler at 5; {@code handler} writes it, and a line
     * entry (line 9) starts at {@code lineAt} unless it is negative.
     */
    private static MethodAnalysis handlerMethod(String type, Consumer<MethodVisitor> handler) {
        return GeneratedClasses.analyzeMethod(GeneratedClasses.withMethod(Opcodes.V1_5, "Gen.java", mv -> {
            Label start = new Label();
            Label end = new Label();
            Label handlerStart = new Label();
            mv.visitTryCatchBlock(start, end, handlerStart, type);
            mv.visitLabel(start);
            mv.visitLineNumber(3, start);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "gen/Generated", "m0", "(Ljava/lang/Object;)V", false);
            mv.visitLabel(end);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitLabel(handlerStart);
            handler.accept(mv);
        }));
    }

    private static void lineHere(MethodVisitor mv, int line) {
        Label here = new Label();
        mv.visitLabel(here);
        mv.visitLineNumber(line, here);
    }

    @Test
    void reraiseFromACatchAnyHandlerEvenWhenTheLoadStartsALine() {
        // 5: astore_1, 6: aload_1 (line 9), 7: athrow
        MethodAnalysis m = handlerMethod(null, mv -> {
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            lineHere(mv, 9);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitInsn(Opcodes.ATHROW);
        });
        assertEquals(List.of(new ThrowSite(7, true)), m.throwSites());
    }

    @Test
    void reraiseFromATypedHandlerOnlyWhenTheLoadStartsNoLine() {
        Consumer<MethodVisitor> synthetic = mv -> {
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitInsn(Opcodes.ATHROW);
        };
        assertEquals(List.of(new ThrowSite(7, true)), handlerMethod("java/lang/Throwable", synthetic).throwSites());
        Consumer<MethodVisitor> throwStatement = mv -> {
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            lineHere(mv, 9);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitInsn(Opcodes.ATHROW);
        };
        assertEquals(List.of(new ThrowSite(7, false)), handlerMethod("java/lang/Throwable", throwStatement).throwSites());
    }

    @Test
    void notReraiseWhenTheVariableIsOverwritten() {
        // 5: astore_1, 6: aconst_null, 7: astore_1, 8: aload_1, 9: athrow
        MethodAnalysis reassigned = handlerMethod(null, mv -> {
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitInsn(Opcodes.ATHROW);
        });
        assertEquals(List.of(new ThrowSite(9, false)), reassigned.throwSites());
        // 5: astore_2, 6: lconst_0, 7: lstore_1 (slots 1 and 2), 8: aload_2, 9: athrow
        MethodAnalysis wideStore = handlerMethod(null, mv -> {
            mv.visitVarInsn(Opcodes.ASTORE, 2);
            mv.visitInsn(Opcodes.LCONST_0);
            mv.visitVarInsn(Opcodes.LSTORE, 1);
            mv.visitVarInsn(Opcodes.ALOAD, 2);
            mv.visitInsn(Opcodes.ATHROW);
        });
        assertEquals(List.of(new ThrowSite(9, false)), wideStore.throwSites());
        // a store into another slot does not matter: 5: astore_2, 6: aconst_null, 7: astore_3, 8: aload_2, 9: athrow
        MethodAnalysis otherSlot = handlerMethod(null, mv -> {
            mv.visitVarInsn(Opcodes.ASTORE, 2);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitVarInsn(Opcodes.ASTORE, 3);
            mv.visitVarInsn(Opcodes.ALOAD, 2);
            mv.visitInsn(Opcodes.ATHROW);
        });
        assertEquals(List.of(new ThrowSite(9, true)), otherSlot.throwSites());
    }

    @Test
    void notReraiseANewOrForeignException() {
        // a new exception: 5: astore_1, 6: new, 9: dup, 10: invokespecial, 13: athrow
        MethodAnalysis fresh = handlerMethod(null, mv -> {
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            mv.visitTypeInsn(Opcodes.NEW, "java/lang/Error");
            mv.visitInsn(Opcodes.DUP);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Error", "<init>", "()V", false);
            mv.visitInsn(Opcodes.ATHROW);
        });
        assertEquals(List.of(new ThrowSite(13, false)), fresh.throwSites());
        // another variable than the caught one: 5: astore_1, 6: aload_0, 7: checkcast, 10: astore_2, 11: aload_2, 12: athrow
        MethodAnalysis foreign = handlerMethod(null, mv -> {
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/Throwable");
            mv.visitVarInsn(Opcodes.ASTORE, 2);
            mv.visitVarInsn(Opcodes.ALOAD, 2);
            mv.visitInsn(Opcodes.ATHROW);
        });
        assertEquals(List.of(new ThrowSite(12, false)), foreign.throwSites());
        // a handler that does not store the exception first: 5: athrow
        MethodAnalysis direct = handlerMethod(null, mv -> mv.visitInsn(Opcodes.ATHROW));
        assertEquals(List.of(new ThrowSite(5, false)), direct.throwSites());
    }
}
