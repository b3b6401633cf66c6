package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LabelNode;

import java.util.Map;

/**
 * The probe of a valueless event that only deferring tools want (the core's {@code Deferral}): a store into the
 * class's hit array, fetched as a dynamic constant, with no test and no call; or, where only counting tools want it,
 * an increment of the class's count array:
 * <pre>
 *   ldc hits; push slot; iconst_1; bastore
 *   ldc counts; push slot; dup2; iaload; iconst_1; iadd; iastore
 * </pre>
 * It has no branch, so it needs no frame; its stack is at most four deep ({@link MethodProbes#PROBE_STACK}). Its
 * opcode is {@code LDC}, its first instruction's.
 */
final class StoreProbeNode extends AbstractInsnNode {

    private final ConstantDynamic array;
    private final SlotPush slot;
    private final boolean count;

    /**
     * @param array the constant of the class's hit array, or of its count array
     * @param slot the push of the probe's slot
     * @param count whether the probe increments a count ({@code array} is the count array)
     */
    StoreProbeNode(ConstantDynamic array, SlotPush slot, boolean count) {
        super(Opcodes.LDC);
        this.array = array;
        this.slot = slot;
        this.count = count;
    }

    @Override
    public int getType() {
        return LDC_INSN; // its first instruction's; nothing reads the type of a probe's instructions
    }

    @Override
    public void accept(MethodVisitor methodVisitor) {
        methodVisitor.visitLdcInsn(array);
        slot.accept(methodVisitor);
        if (count) {
            methodVisitor.visitInsn(Opcodes.DUP2);
            methodVisitor.visitInsn(Opcodes.IALOAD);
            methodVisitor.visitInsn(Opcodes.ICONST_1);
            methodVisitor.visitInsn(Opcodes.IADD);
            methodVisitor.visitInsn(Opcodes.IASTORE);
        } else {
            methodVisitor.visitInsn(Opcodes.ICONST_1);
            methodVisitor.visitInsn(Opcodes.BASTORE);
        }
    }

    @Override
    public AbstractInsnNode clone(Map<LabelNode, LabelNode> clonedLabels) {
        throw new UnsupportedOperationException("probe code is not cloned");
    }
}
