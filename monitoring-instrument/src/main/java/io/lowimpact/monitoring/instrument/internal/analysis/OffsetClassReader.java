package io.lowimpact.monitoring.instrument.internal.analysis;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Label;

/**
 * A {@link ClassReader} that tells its visitors the original bytecode offset of the instruction being visited.
 *
 * <p>While {@link #accept(org.objectweb.asm.ClassVisitor, int)} reads a method's code, {@link #instructionOffset()}
 * is the offset of the current instruction from just before the reader visits that instruction's labels, line
 * numbers, frame and the instruction itself, until the next instruction. A label that the reader visits after the
 * last instruction (one that marks the end of the code) is visited while the offset is still that of the last
 * instruction. Outside of code the value is meaningless.
 *
 * <p>This uses ASM's {@code readBytecodeInstructionOffset} hook (ASM 9.1 and later). Not thread-safe: one reader
 * per pass.
 */
public final class OffsetClassReader extends ClassReader {

    private int instructionOffset = -1;

    /**
     * @param classFile the class file's bytes; not copied, must not change while the reader is in use
     * @throws IllegalArgumentException if ASM cannot read the class file's version
     */
    public OffsetClassReader(byte[] classFile) {
        super(classFile);
    }

    /** Every label is a {@link ReadLabel}, where the analysis keeps the offset at which it saw it. */
    @Override
    protected Label readLabel(int bytecodeOffset, Label[] labels) {
        if (labels[bytecodeOffset] == null) {
            labels[bytecodeOffset] = new ReadLabel();
        }
        return labels[bytecodeOffset];
    }

    @Override
    protected void readBytecodeInstructionOffset(int bytecodeOffset) {
        instructionOffset = bytecodeOffset;
    }

    /** @return the original offset of the instruction being visited; -1 before the first one */
    public int instructionOffset() {
        return instructionOffset;
    }
}
