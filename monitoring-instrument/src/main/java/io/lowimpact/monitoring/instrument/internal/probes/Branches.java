package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.Opcodes;

/** The conditional branch instructions' inverses, for moving a jump onto the other edge. */
final class Branches {

    private Branches() {
    }

    /**
     * @param opcode a conditional jump ({@code IFEQ} ... {@code IF_ACMPNE}, {@code IFNULL}, {@code IFNONNULL})
     * @return the jump that is taken exactly when {@code opcode} is not
     */
    static int inverse(int opcode) {
        switch (opcode) {
            case Opcodes.IFNULL:
                return Opcodes.IFNONNULL;
            case Opcodes.IFNONNULL:
                return Opcodes.IFNULL;
            default:
                if (opcode < Opcodes.IFEQ || opcode > Opcodes.IF_ACMPNE) {
                    throw new IllegalArgumentException("not a conditional jump: " + opcode);
                }
                // IFEQ/IFNE, IFLT/IFGE, IFGT/IFLE, IF_ICMPEQ/IF_ICMPNE, ... come in pairs: even-odd from IFEQ (153).
                return (opcode - Opcodes.IFEQ) % 2 == 0 ? opcode + 1 : opcode - 1;
        }
    }
}
