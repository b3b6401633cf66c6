package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LabelNode;

import java.util.Map;

/**
 * The push of a probe's slot: until {@link Slots#patch} its value is the location's index among its event's
 * locations in the method, then the slot itself, and it is written as the shortest push of that value
 * ({@link ProbeInsns#push}), by the {@link ProbeNode} that holds it (twice: for the test and the call). Its opcode is
 * {@code SIPUSH}: an instruction, not a label or frame.
 */
final class SlotPush extends AbstractInsnNode {

    int value;

    SlotPush(int value) {
        super(Opcodes.SIPUSH);
        this.value = value;
    }

    @Override
    public int getType() {
        return INT_INSN; // of no consequence: nothing reads the type of a probe's instructions
    }

    @Override
    public void accept(MethodVisitor methodVisitor) {
        visitPush(methodVisitor, value);
    }

    /** Visits the shortest push of {@code value}, as the node that {@link ProbeInsns#push} makes visits itself. */
    static void visitPush(MethodVisitor methodVisitor, int value) {
        if (value >= -1 && value <= 5) {
            methodVisitor.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            methodVisitor.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            methodVisitor.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            methodVisitor.visitLdcInsn(value);
        }
    }

    @Override
    public AbstractInsnNode clone(Map<LabelNode, LabelNode> clonedLabels) {
        return new SlotPush(value);
    }
}
