package io.lowimpact.monitoring.instrument.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Checks an analysis against a plain ASM tree pass over the same bytes: the same methods with code, the same
 * instruction sequence (by opcode) and the same number of exception-table entries.
 */
final class AsmTreeAgreement {

    private AsmTreeAgreement() {
    }

    static void assertAgrees(byte[] classFile, ClassAnalysis analysis) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_FRAMES);
        List<MethodNode> withCode = new ArrayList<>();
        for (MethodNode method : node.methods) {
            if (method.instructions.size() > 0) {
                withCode.add(method);
            }
        }
        assertEquals(withCode.size(), analysis.methods().size(), () -> analysis + ": methods with code");
        for (int i = 0; i < withCode.size(); i++) {
            MethodNode expected = withCode.get(i);
            MethodAnalysis actual = analysis.methods().get(i);
            String where = analysis.className() + "." + actual.name() + actual.descriptor();
            assertEquals(expected.name + expected.desc, actual.name() + actual.descriptor(), () -> where + ": method");
            List<Integer> opcodes = new ArrayList<>();
            for (AbstractInsnNode insn : expected.instructions) {
                if (insn.getOpcode() >= 0) {
                    opcodes.add(insn.getOpcode());
                }
            }
            List<Integer> analysed = new ArrayList<>();
            for (int offset : actual.instructionOffsets()) {
                analysed.add(actual.opcodeAt(offset));
            }
            assertEquals(opcodes, analysed, () -> where + ": opcodes");
            assertEquals(expected.tryCatchBlocks.size(), actual.handlers().size(), () -> where + ": handlers");
        }
    }
}
