package io.lowimpact.monitoring.instrument.internal.analysis;

/**
 * A return instruction, the location of METHOD_RETURN.
 *
 * @param offset the instruction's offset
 * @param opcode one of {@code Opcodes.IRETURN .. Opcodes.RETURN}, which tells the type of the returned value
 */
public record ReturnSite(int offset, int opcode) {
}
