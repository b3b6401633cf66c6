package io.lowimpact.monitoring.instrument.internal.analysis;

import java.util.Arrays;

/**
 * The instructions of one method in offset order, as parallel arrays: original offset, ASM opcode, and the local
 * variable an instruction reads or writes ({@code xLOAD}, {@code xSTORE}, {@code IINC}, {@code RET}; -1 for the
 * others). Filled once while a method is visited, then read.
 */
final class Instructions {

    private int[] offsets;
    private int[] opcodes;
    private int[] variables;
    private int count;

    /**
     * @param codeLength the method's code length: the arrays start with room for an instruction every two bytes, about
     *     javac's average, so that most methods never grow them
     */
    Instructions(int codeLength) {
        int capacity = Math.max(8, codeLength / 2 + 1);
        offsets = new int[capacity];
        opcodes = new int[capacity];
        variables = new int[capacity];
    }

    /**
     * Appends the next instruction.
     *
     * @throws IllegalStateException if {@code offset} is not above the previous instruction's
     */
    void add(int offset, int opcode, int variable) {
        if (count > 0 && offset <= offsets[count - 1]) {
            throw new IllegalStateException("instruction offset " + offset + " after " + offsets[count - 1]
                    + " (offsets must increase)");
        }
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            opcodes = Arrays.copyOf(opcodes, count * 2);
            variables = Arrays.copyOf(variables, count * 2);
        }
        offsets[count] = offset;
        opcodes[count] = opcode;
        variables[count] = variable;
        count++;
    }

    int count() {
        return count;
    }

    int offset(int index) {
        return offsets[index];
    }

    int opcode(int index) {
        return opcodes[index];
    }

    int variable(int index) {
        return variables[index];
    }

    /** @return the offset of the last instruction visited, or -1 before the first */
    int lastOffset() {
        return count == 0 ? -1 : offsets[count - 1];
    }

    /** @return the index of the instruction at {@code offset}, or a negative value if none starts there */
    int indexOf(int offset) {
        return Arrays.binarySearch(offsets, 0, count, offset);
    }

    /**
     * @param offset an instruction's offset
     * @param codeLength the method's code length
     * @return the offset of the instruction after it, or {@code codeLength} after the last one
     */
    int nextOffset(int offset, int codeLength) {
        int index = indexOf(offset);
        int next = index >= 0 ? index + 1 : -index - 1;
        return next < count ? offsets[next] : codeLength;
    }

    int[] offsets() {
        return Arrays.copyOf(offsets, count);
    }

    int[] opcodes() {
        return Arrays.copyOf(opcodes, count);
    }
}
