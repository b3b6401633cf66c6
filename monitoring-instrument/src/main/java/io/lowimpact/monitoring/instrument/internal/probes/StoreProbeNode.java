package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LabelNode;

import java.util.Map;

/**
 * The probe of a valueless event that only deferring tools want (the core's {@code Deferral}): a store into the
 * class's hit array, fetched as a dynamic constant, with no test and no call:
 * <pre>
 *   ldc hits; push slot; iconst_1; bastore
 * </pre>
 * It has no branch, so it needs no frame. Its opcode is {@code LDC}, its first instruction's.
 */
final class StoreProbeNode extends AbstractInsnNode {

    private final ConstantDynamic hits;
    private final SlotPush slot;

    /**
     * @param hits the constant of the class's hit array
     * @param slot the push of the probe's slot
     */
    StoreProbeNode(ConstantDynamic hits, SlotPush slot) {
        super(Opcodes.LDC);
        this.hits = hits;
        this.slot = slot;
    }

    @Override
    public int getType() {
        return LDC_INSN; // its first instruction's; nothing reads the type of a probe's instructions
    }

    @Override
    public void accept(MethodVisitor methodVisitor) {
        methodVisitor.visitLdcInsn(hits);
        slot.accept(methodVisitor);
        methodVisitor.visitInsn(Opcodes.ICONST_1);
        methodVisitor.visitInsn(Opcodes.BASTORE);
    }

    @Override
    public AbstractInsnNode clone(Map<LabelNode, LabelNode> clonedLabels) {
        throw new UnsupportedOperationException("probe code is not cloned");
    }
}
