package io.lowimpact.coverage.internal.report;

import java.util.ArrayList;
import java.util.List;

/** Walks a method's bytecode instruction by instruction: the lengths of instructions and the branches. */
final class Bytecode {

    static final int INVOKEDYNAMIC = 186;

    private static final int TABLESWITCH = 170;
    private static final int LOOKUPSWITCH = 171;
    private static final int WIDE = 196;
    private static final int IINC = 132;

    private Bytecode() {
    }

    /**
     * @param code a method's code
     * @return each branch as {@code {from, left, right...}}, in offset order
     */
    static List<int[]> branches(byte[] code) {
        List<int[]> branches = new ArrayList<>();
        for (int at = 0; at < code.length; at += length(code, at)) {
            int op = code[at] & 0xff;
            if ((op >= 153 && op <= 166) || op == 198 || op == 199) { // ifeq .. if_acmpne, ifnull, ifnonnull
                branches.add(new int[] {at, at + 3, at + (short) u2(code, at + 1)});
            } else if (op == TABLESWITCH || op == LOOKUPSWITCH) {
                int[] branch = switchBranch(code, at, op);
                if (branch != null) {
                    branches.add(branch);
                }
            }
        }
        return branches;
    }

    /** @return whether the code holds an instruction with that opcode */
    static boolean contains(byte[] code, int opcode) {
        for (int at = 0; at < code.length; at += length(code, at)) {
            if ((code[at] & 0xff) == opcode) {
                return true;
            }
        }
        return false;
    }

    private static int[] switchBranch(byte[] code, int at, int op) {
        int p = at + 1 + padding(at);
        int left = at + s4(code, p);
        int[] targets;
        if (op == TABLESWITCH) {
            int low = s4(code, p + 4);
            int high = s4(code, p + 8);
            targets = new int[high - low + 1];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = at + s4(code, p + 12 + 4 * i);
            }
        } else {
            int pairs = s4(code, p + 4);
            targets = new int[pairs];
            for (int i = 0; i < pairs; i++) {
                targets[i] = at + s4(code, p + 8 + 8 * i + 4);
            }
        }
        int[] rights = ClassFileReader.rightsOf(left, targets);
        if (rights.length == 0) {
            return null; // every case goes where the default goes: one way out, no branch
        }
        int[] branch = new int[rights.length + 2];
        branch[0] = at;
        branch[1] = left;
        System.arraycopy(rights, 0, branch, 2, rights.length);
        return branch;
    }

    /** @return the length of the instruction at {@code at} */
    static int length(byte[] code, int at) {
        int op = code[at] & 0xff;
        if (op == TABLESWITCH) {
            int p = at + 1 + padding(at);
            int low = s4(code, p + 4);
            int high = s4(code, p + 8);
            return p - at + 12 + 4 * (high - low + 1);
        }
        if (op == LOOKUPSWITCH) {
            int p = at + 1 + padding(at);
            return p - at + 8 + 8 * s4(code, p + 4);
        }
        if (op == WIDE) {
            return (code[at + 1] & 0xff) == IINC ? 6 : 4;
        }
        return LENGTHS[op];
    }

    private static int padding(int at) {
        return (4 - ((at + 1) % 4)) % 4;
    }

    private static final int[] LENGTHS = lengths();

    private static int[] lengths() {
        int[] l = new int[256];
        java.util.Arrays.fill(l, 1);
        l[16] = 2; // bipush
        l[17] = 3; // sipush
        l[18] = 2; // ldc
        l[19] = 3; // ldc_w
        l[20] = 3; // ldc2_w
        for (int op = 21; op <= 25; op++) {
            l[op] = 2; // iload .. aload
        }
        for (int op = 54; op <= 58; op++) {
            l[op] = 2; // istore .. astore
        }
        l[IINC] = 3;
        for (int op = 153; op <= 168; op++) {
            l[op] = 3; // if*, goto, jsr
        }
        l[169] = 2; // ret
        for (int op = 178; op <= 184; op++) {
            l[op] = 3; // get/put field/static, invokevirtual/special/static
        }
        l[185] = 5; // invokeinterface
        l[INVOKEDYNAMIC] = 5;
        l[187] = 3; // new
        l[188] = 2; // newarray
        l[189] = 3; // anewarray
        l[192] = 3; // checkcast
        l[193] = 3; // instanceof
        l[197] = 4; // multianewarray
        l[198] = 3; // ifnull
        l[199] = 3; // ifnonnull
        l[200] = 5; // goto_w
        l[201] = 5; // jsr_w
        return l;
    }

    private static int u2(byte[] code, int at) {
        return ((code[at] & 0xff) << 8) | (code[at + 1] & 0xff);
    }

    private static int s4(byte[] code, int at) {
        return ((code[at] & 0xff) << 24) | ((code[at + 1] & 0xff) << 16) | ((code[at + 2] & 0xff) << 8)
                | (code[at + 3] & 0xff);
    }
}
