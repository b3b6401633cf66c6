package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.LabelNode;

import java.util.Map;

/**
 * One probe as one node of the method's instruction list, written as the instructions it stands for:
 * <pre>
 *   aload masks; push slot; baload; ifeq skip; [value]; push classId; push slot; invokestatic Bootstrap.fire...;
 *   [skip: [frame]]
 * </pre>
 * where {@code skip} is either a label of the method (the probe then ends with the call) or the probe's own label
 * after the call, followed by its frame when frames are written. The writer sees the same visits as from the nodes of
 * each instruction, label and frame, which the probe does not make. Its opcode is {@code ALOAD}, its first
 * instruction's: it is code, not a label or a frame, for whoever walks the list.
 */
final class ProbeNode extends AbstractInsnNode {

    private final int arrayLocal;
    private final SlotPush slot;
    private final LabelNode skip;
    private final AbstractInsnNode value;
    private final int classId;
    private final Fire fire;
    /** The frame at the probe's own skip label, or null (a skip label of the method, or no frames written). */
    final FrameNode frame;

    /**
     * @param arrayLocal the local of the mask array
     * @param slot the push of the probe's slot (written twice: for the test and for the call)
     * @param skip where the test skips to, or null for the probe's own label after the call
     * @param value the instruction that pushes the value passed, or null for none; not in any list
     * @param classId the class id passed
     * @param fire the call into the runtime
     * @param frame the frame at the probe's own label, or null
     */
    ProbeNode(int arrayLocal, SlotPush slot, LabelNode skip, AbstractInsnNode value, int classId, Fire fire,
            FrameNode frame) {
        super(Opcodes.ALOAD);
        this.arrayLocal = arrayLocal;
        this.slot = slot;
        this.skip = skip;
        this.value = value;
        this.classId = classId;
        this.fire = fire;
        this.frame = frame;
    }

    @Override
    public int getType() {
        return VAR_INSN; // its first instruction's; nothing reads the type of a probe's instructions
    }

    @Override
    public void accept(MethodVisitor methodVisitor) {
        methodVisitor.visitVarInsn(Opcodes.ALOAD, arrayLocal);
        slot.accept(methodVisitor);
        methodVisitor.visitInsn(Opcodes.BALOAD);
        Label own = skip == null ? new Label() : null;
        methodVisitor.visitJumpInsn(Opcodes.IFEQ, own != null ? own : skip.getLabel());
        if (value != null) {
            value.accept(methodVisitor);
        }
        SlotPush.visitPush(methodVisitor, classId);
        slot.accept(methodVisitor);
        fire.accept(methodVisitor);
        if (own != null) {
            methodVisitor.visitLabel(own);
            if (frame != null) {
                frame.accept(methodVisitor);
            }
        }
    }

    @Override
    public AbstractInsnNode clone(Map<LabelNode, LabelNode> clonedLabels) {
        throw new UnsupportedOperationException("probe code is not cloned");
    }
}
