package io.lowimpact.monitoring.instrument.internal;

import io.lowimpact.monitoring.instrument.internal.ClassFileCheck.Input;
import io.lowimpact.monitoring.instrument.internal.ClassFileCheck.Malformed;

import java.util.Arrays;

/**
 * The highest operand stack a method's code reaches, in slots, along every path from its start and its handlers, as
 * the verifier sees it against {@code max_stack}. ASM recomputes {@code max_stack} when it writes a method, so a
 * method whose {@code max_stack} is too small (a {@link VerifyError} without the agent) would come out of the
 * instrumenter valid. Runs on instructions that {@link CodeAttributeCheck} has already checked.
 */
final class StackHeights {

    /**
     * The stack effect of each opcode in slots; {@code Integer.MIN_VALUE} where it depends on a descriptor or an
     * operand (field and invoke instructions, multianewarray, wide).
     */
    private static final int[] DELTA = new int[202];
    private static final int VARIES = Integer.MIN_VALUE;

    static {
        Arrays.fill(DELTA, 0);
        table();
    }

    private StackHeights() {
    }

    private static void set(int delta, int... opcodes) {
        for (int opcode : opcodes) {
            DELTA[opcode] = delta;
        }
    }

    private static void range(int delta, int from, int to) {
        for (int opcode = from; opcode <= to; opcode++) {
            DELTA[opcode] = delta;
        }
    }

    private static void table() {
        set(0, 0);
        range(1, 1, 8); // aconst_null, iconst_m1 .. iconst_5
        set(2, 9, 10, 14, 15); // lconst, dconst
        set(1, 11, 12, 13, 16, 17, 18, 19); // fconst, bipush, sipush, ldc, ldc_w
        set(2, 20); // ldc2_w
        set(1, 21, 23, 25);
        set(2, 22, 24);
        range(1, 26, 29);
        range(2, 30, 33);
        range(1, 34, 37);
        range(2, 38, 41);
        range(1, 42, 45);
        set(-1, 46, 48, 50, 51, 52, 53); // iaload, faload, aaload, baload, caload, saload
        set(0, 47, 49); // laload, daload
        set(-1, 54, 56, 58);
        set(-2, 55, 57);
        range(-1, 59, 62);
        range(-2, 63, 66);
        range(-1, 67, 70);
        range(-2, 71, 74);
        range(-1, 75, 78);
        set(-3, 79, 81, 83, 84, 85, 86);
        set(-4, 80, 82);
        set(-1, 87);
        set(-2, 88);
        set(1, 89, 90, 91);
        set(2, 92, 93, 94);
        set(0, 95);
        for (int op = 96; op <= 115; op++) { // add, sub, mul, div, rem: i, l, f, d
            DELTA[op] = (op - 96) % 2 == 0 ? -1 : -2;
        }
        range(0, 116, 119); // neg
        range(-1, 120, 125); // shifts: the shift count is an int
        set(-1, 126, 128, 130);
        set(-2, 127, 129, 131);
        set(0, 132); // iinc
        set(1, 133, 135, 140, 141); // i2l, i2d, f2l, f2d
        set(0, 134, 138, 139, 143, 145, 146, 147); // i2f, l2d, f2i, d2l, i2b, i2c, i2s
        set(-1, 136, 137, 142, 144); // l2i, l2f, d2i, d2f
        set(-3, 148, 151, 152); // lcmp, dcmpl, dcmpg
        set(-1, 149, 150); // fcmpl, fcmpg
        range(-1, 153, 158); // if<cond>
        range(-2, 159, 166); // if_icmp<cond>, if_acmp<cond>
        set(0, 167, 169, 200); // goto, ret, goto_w
        set(1, 168, 201); // jsr, jsr_w
        set(-1, 170, 171); // switches
        set(-1, 172, 174, 176);
        set(-2, 173, 175);
        set(0, 177);
        range(VARIES, 178, 186); // field and invoke instructions
        set(1, 187); // new
        set(0, 188, 189, 190, 192, 193); // newarray, anewarray, arraylength, checkcast, instanceof
        set(-1, 191, 194, 195, 198, 199); // athrow, monitorenter, monitorexit, ifnull, ifnonnull
        set(VARIES, 196, 197); // wide, multianewarray
    }

    /**
     * @param in the class file
     * @param codeStart the offset of the code's first byte
     * @param codeLength the code's length
     * @param handlers the offsets of the exception handlers (each starts with the exception on the stack)
     * @return the highest stack height reached
     */
    static int max(Input in, int codeStart, int codeLength, IntList handlers) throws Malformed {
        int[] height = new int[codeLength];
        Arrays.fill(height, -1);
        Work work = new Work();
        int max = 0;
        height[0] = 0;
        work.push(0);
        for (int i = 0; i < handlers.size(); i++) {
            int handler = handlers.get(i);
            if (height[handler] < 0) {
                height[handler] = 1;
                work.push(handler);
            }
            max = Math.max(max, 1);
        }
        byte[] b = in.b;
        while (!work.isEmpty()) {
            int pc = work.pop();
            int at = codeStart + pc;
            int opcode = b[at] & 0xff;
            int h = height[pc] + delta(in, opcode, at);
            max = Math.max(max, Math.max(h, height[pc]));
            int size = size(b, codeStart, pc, opcode);
            switch (opcode) {
                case 167, 200 -> flow(height, work, pc + offset(b, at, opcode), h);
                case 168, 201 -> { // jsr: the subroutine starts with the return address; it returns after the jsr
                    flow(height, work, pc + offset(b, at, opcode), h);
                    flow(height, work, pc + size, h - 1);
                }
                case 170, 171 -> {
                    int base = at + 1 + (3 - (pc & 3));
                    flow(height, work, pc + in32(b, base), h);
                    if (opcode == 170) {
                        int n = in32(b, base + 8) - in32(b, base + 4) + 1;
                        for (int k = 0; k < n; k++) {
                            flow(height, work, pc + in32(b, base + 12 + 4 * k), h);
                        }
                    } else {
                        int n = in32(b, base + 4);
                        for (int k = 0; k < n; k++) {
                            flow(height, work, pc + in32(b, base + 12 + 8 * k), h);
                        }
                    }
                }
                case 169, 172, 173, 174, 175, 176, 177, 191 -> {
                    // ret, returns, athrow: no successor in this method (ret's is the instruction after its jsr)
                }
                default -> {
                    if (opcode >= 153 && opcode <= 166 || opcode == 198 || opcode == 199) {
                        flow(height, work, pc + offset(b, at, opcode), h);
                    }
                    if (pc + size < codeLength) {
                        flow(height, work, pc + size, h);
                    }
                }
            }
        }
        return max;
    }

    /** The offsets still to visit, last in first out. */
    private static final class Work {
        private int[] pcs = new int[16];
        private int size;

        void push(int pc) {
            if (size == pcs.length) {
                pcs = Arrays.copyOf(pcs, size * 2);
            }
            pcs[size++] = pc;
        }

        int pop() {
            return pcs[--size];
        }

        boolean isEmpty() {
            return size == 0;
        }
    }

    private static void flow(int[] height, Work work, int pc, int h) {
        if (pc >= 0 && pc < height.length && height[pc] < 0) {
            height[pc] = Math.max(h, 0);
            work.push(pc);
        }
    }

    private static int delta(Input in, int opcode, int at) {
        int delta = DELTA[opcode];
        if (delta != VARIES) {
            return delta;
        }
        byte[] b = in.b;
        if (opcode == 196) { // wide: as the widened load, store, iinc or ret
            return DELTA[b[at + 1] & 0xff];
        }
        if (opcode == 197) { // multianewarray: pops its dimensions, pushes the array
            return 1 - (b[at + 3] & 0xff);
        }
        int index = ((b[at + 1] & 0xff) << 8) | (b[at + 2] & 0xff);
        int slots = in.memberSlots(index);
        if (slots == Integer.MIN_VALUE) {
            slots = memberSlots(in, opcode, index);
            in.memberSlots(index, slots);
        }
        if (opcode <= 181) {
            return switch (opcode) {
                case 178 -> slots; // getstatic
                case 179 -> -slots; // putstatic
                case 180 -> slots - 1; // getfield
                default -> -slots - 1; // putfield
            };
        }
        return slots - (opcode == 184 || opcode == 186 ? 0 : 1);
    }

    /**
     * What the member a field or invoke instruction names moves on the stack, by its descriptor: a field's size, or a
     * method's result size less its arguments' (receiver not counted). The same constant is named by field or by
     * invoke instructions only, so one value per constant serves every instruction that names it.
     */
    private static int memberSlots(Input in, int opcode, int index) {
        byte[] b = in.b;
        int nat = ((b[in.offsets[index] + 2] & 0xff) << 8) | (b[in.offsets[index] + 3] & 0xff);
        String descriptor = in.utf8(((b[in.offsets[nat] + 2] & 0xff) << 8) | (b[in.offsets[nat] + 3] & 0xff));
        if (opcode <= 181) {
            return descriptor.equals("J") || descriptor.equals("D") ? 2 : 1;
        }
        char r = descriptor.charAt(descriptor.indexOf(')') + 1);
        int result = r == 'V' ? 0 : r == 'J' || r == 'D' ? 2 : 1;
        int args;
        try {
            args = CodeAttributeCheck.argumentSlots(descriptor);
        } catch (Malformed e) {
            args = 0; // ClassFileCheck has refused such a descriptor before the code is looked at
        }
        return result - args;
    }

    private static int size(byte[] b, int codeStart, int pc, int opcode) {
        int at = codeStart + pc;
        if (opcode == 196) {
            return (b[at + 1] & 0xff) == 132 ? 6 : 4;
        }
        if (opcode == 170 || opcode == 171) {
            int base = at + 1 + (3 - (pc & 3));
            return opcode == 170 ? base + 12 + 4 * (in32(b, base + 8) - in32(b, base + 4) + 1) - at
                    : base + 8 + 8 * in32(b, base + 4) - at;
        }
        return CodeAttributeCheck.Opcodes.SIZES[opcode];
    }

    private static int offset(byte[] b, int at, int opcode) {
        return opcode == 200 || opcode == 201 ? in32(b, at + 1)
                : (short) (((b[at + 1] & 0xff) << 8) | (b[at + 2] & 0xff));
    }

    private static int in32(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
