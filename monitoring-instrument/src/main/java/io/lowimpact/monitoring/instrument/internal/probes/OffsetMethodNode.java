package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.instrument.internal.analysis.OffsetClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.Arrays;

/**
 * A {@link MethodNode} that remembers the original offset of every instruction it is given by an
 * {@link OffsetClassReader}.
 */
final class OffsetMethodNode extends MethodNode {

    private final OffsetClassReader reader;
    /** The original offset of each instruction, in code order (labels, line numbers and frames have none). */
    private int[] offsets = new int[64];
    private int count;

    OffsetMethodNode(OffsetClassReader reader, int access, String name, String descriptor, String signature,
            String[] exceptions) {
        super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
        this.reader = reader;
    }

    private void record() {
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        offsets[count++] = reader.instructionOffset();
    }

    /** @return the original offset of the {@code index}-th instruction, in code order */
    int offsetOf(int index) {
        return offsets[index];
    }

    /** @return how many instructions were read */
    int instructionCount() {
        return count;
    }

    /** Every label of the method as read is an {@link OffsetLabel}. */
    @Override
    protected LabelNode getLabelNode(Label label) {
        if (!(label.info instanceof LabelNode)) {
            label.info = new OffsetLabel();
        }
        return (LabelNode) label.info;
    }

    @Override
    public void visitInsn(int opcode) {
        super.visitInsn(opcode);
        record();
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        super.visitIntInsn(opcode, operand);
        record();
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        super.visitVarInsn(opcode, varIndex);
        record();
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        super.visitTypeInsn(opcode, type);
        record();
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        super.visitFieldInsn(opcode, owner, name, descriptor);
        record();
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        record();
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        record();
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        super.visitJumpInsn(opcode, label);
        record();
    }

    @Override
    public void visitLdcInsn(Object value) {
        super.visitLdcInsn(value);
        record();
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        super.visitIincInsn(varIndex, increment);
        record();
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        super.visitTableSwitchInsn(min, max, dflt, labels);
        record();
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        super.visitLookupSwitchInsn(dflt, keys, labels);
        record();
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
        record();
    }
}
