package io.lowimpact.monitoring.instrument.internal;

import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.CLASS;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.DOUBLE;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.DYNAMIC;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.FIELDREF;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.FLOAT;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.INTEGER;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.INTERFACE_METHODREF;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.INVOKE_DYNAMIC;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.LONG;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.METHODREF;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.METHOD_HANDLE;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.METHOD_TYPE;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.STRING;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.UTF8;

import io.lowimpact.monitoring.instrument.internal.ClassFileCheck.Input;
import io.lowimpact.monitoring.instrument.internal.ClassFileCheck.Malformed;

import java.util.BitSet;

/**
 * {@link ClassFileCheck}'s rules for a {@code Code} attribute, whose every part ASM rewrites: the lengths, the
 * exception table, the instructions (their operands, the constant pool entries they name, the targets of jumps,
 * switch padding), the room for the arguments in the locals (ASM recomputes {@code max_locals}), and the
 * {@code LineNumberTable}, {@code LocalVariableTable}, {@code LocalVariableTypeTable} and {@code StackMapTable}
 * attributes, as HotSpot's parser and verifier check them.
 */
final class CodeAttributeCheck {

    private CodeAttributeCheck() {
    }

    /**
     * Checks a {@code Code} attribute; the input is at its first byte.
     *
     * @param in the class file
     * @param length the attribute's length (already in bounds)
     * @param descriptor the method's descriptor
     * @param isStatic whether the method is static
     */
    static void code(Input in, int length, String descriptor, boolean isStatic) throws Malformed {
        int end = in.pos + length;
        int maxStack = in.u2();
        int maxLocals = in.u2();
        if (argumentSlots(descriptor) + (isStatic ? 0 : 1) > maxLocals) {
            throw new Malformed("arguments can't fit into locals");
        }
        int codeLength = in.u4();
        if (codeLength <= 0 || codeLength >= 65536) {
            throw new Malformed("invalid code length " + codeLength);
        }
        in.need(codeLength);
        int codeStart = in.pos;
        BitSet starts = instructions(in, codeStart, codeLength, maxLocals);
        in.pos = codeStart + codeLength;
        IntList handlers = new IntList(8);
        for (int n = in.u2(); n > 0; n--) {
            int start = in.u2();
            int stop = in.u2();
            int handler = in.u2();
            in.ref("an exception handler", true, CLASS);
            if (start >= stop || stop > codeLength || !starts.get(start) || stop < codeLength && !starts.get(stop)
                    || handler >= codeLength || !starts.get(handler)) {
                throw new Malformed("illegal exception table range or handler");
            }
            handlers.add(handler);
        }
        int afterHandlers = in.pos;
        if (StackHeights.max(in, codeStart, codeLength, handlers) > maxStack) {
            throw new Malformed("operand stack overflow: max_stack " + maxStack + " is too small");
        }
        in.pos = afterHandlers;
        LongList lvt = new LongList(8);
        LongList lvtt = new LongList(8);
        boolean stackMap = false;
        for (int n = in.u2(); n > 0; n--) {
            String name = in.utf8(in.ref("an attribute name", false, UTF8));
            long attributeLength = in.u4() & 0xffffffffL;
            in.need(attributeLength);
            int attributeEnd = in.pos + (int) attributeLength;
            switch (name) {
                case "LineNumberTable" -> {
                    int count = in.u2();
                    AttributeCheck.exactly(name, (int) attributeLength, 2 + 4 * count);
                    for (int i = 0; i < count; i++) {
                        if (in.u2() >= codeLength) {
                            throw new Malformed("invalid pc in LineNumberTable");
                        }
                        in.u2();
                    }
                }
                case "LocalVariableTable" -> locals(in, name, (int) attributeLength, codeLength, maxLocals, lvt);
                case "LocalVariableTypeTable" -> {
                    if (in.major >= 49) {
                        locals(in, name, (int) attributeLength, codeLength, maxLocals, lvtt);
                    }
                }
                case "StackMapTable" -> {
                    if (in.major >= 50) {
                        if (stackMap) {
                            throw new Malformed("multiple StackMapTable attributes");
                        }
                        stackMap = true;
                        stackMapTable(in, attributeEnd);
                    }
                }
                default -> {
                }
            }
            in.pos = attributeEnd;
        }
        if (in.pos != end) {
            throw new Malformed("Code attribute has the wrong length");
        }
        for (int i = 0; i < lvtt.size(); i++) {
            if (!lvt.contains(lvtt.get(i))) {
                throw new Malformed("a LocalVariableTypeTable entry matches no LocalVariableTable entry");
            }
        }
    }

    /** Reads a local variable (type) table: entries as {start, length, name, slot} packed into one long each. */
    private static void locals(Input in, String name, int length, int codeLength, int maxLocals, LongList into)
            throws Malformed {
        int count = in.u2();
        AttributeCheck.exactly(name, length, 2 + 10 * count);
        boolean types = name.equals("LocalVariableTypeTable");
        for (int i = 0; i < count; i++) {
            int start = in.u2();
            int range = in.u2();
            int nameIndex = in.ref(name, false, UTF8);
            int descriptor = in.ref(name, false, UTF8);
            int slot = in.u2();
            if (start >= codeLength || start + range > codeLength) {
                throw new Malformed("invalid start_pc or length in " + name);
            }
            String d = in.utf8(descriptor);
            int extra = !types && (d.equals("J") || d.equals("D")) ? 1 : 0;
            if (slot + extra >= maxLocals) {
                throw new Malformed("invalid index " + slot + " in " + name);
            }
            long key = ((long) start << 48) | ((long) range << 32) | ((long) nameIndex << 16) | slot;
            if (in.major >= 49 && into.contains(key)) {
                throw new Malformed("duplicated " + name + " entry");
            }
            into.add(key);
        }
    }

    private static void stackMapTable(Input in, int end) throws Malformed {
        for (int n = in.u2(); n > 0; n--) {
            int type = in.u1();
            if (type < 64) {
                continue;
            }
            if (type < 128) {
                verificationType(in);
            } else if (type < 247) {
                throw new Malformed("reserved frame type " + type + " in StackMapTable");
            } else if (type == 247) {
                in.u2();
                verificationType(in);
            } else if (type < 252) {
                in.u2();
            } else if (type < 255) {
                in.u2();
                for (int k = type - 251; k > 0; k--) {
                    verificationType(in);
                }
            } else {
                in.u2();
                for (int k = in.u2(); k > 0; k--) {
                    verificationType(in);
                }
                for (int k = in.u2(); k > 0; k--) {
                    verificationType(in);
                }
            }
            if (in.pos > end) {
                throw new Malformed("StackMapTable attribute has the wrong length");
            }
        }
        if (in.pos != end) {
            throw new Malformed("StackMapTable attribute has the wrong length");
        }
    }

    private static void verificationType(Input in) throws Malformed {
        int tag = in.u1();
        if (tag == 7) {
            in.ref("StackMapTable", false, CLASS);
        } else if (tag == 8) {
            in.u2();
        } else if (tag > 8) {
            throw new Malformed("bad verification type " + tag + " in StackMapTable");
        }
    }

    /** Walks the instructions; returns the offsets where they start. */
    private static BitSet instructions(Input in, int codeStart, int codeLength, int maxLocals) throws Malformed {
        BitSet starts = new BitSet(codeLength);
        IntList targets = new IntList(16);
        byte[] b = in.b;
        int end = codeStart + codeLength;
        int pc = 0;
        while (pc < codeLength) {
            starts.set(pc);
            in.pos = codeStart + pc;
            int opcode = in.u1();
            int size = Opcodes.size(opcode);
            if (size == 0 || opcode == 186 && in.major < 51) {
                throw new Malformed("illegal opcode " + opcode + " at " + pc);
            }
            if (opcode == 196) { // wide
                int widened = in.u1();
                size = widened == 132 ? 6 : widened >= 21 && widened <= 25 || widened >= 54 && widened <= 58
                        || widened == 169 ? 4 : 0;
                if (size == 0) {
                    throw new Malformed("illegal wide instruction at " + pc);
                }
                local(widened, in.u2(), maxLocals, pc);
            } else if (opcode == 170 || opcode == 171) { // tableswitch, lookupswitch
                int padding = 3 - (pc & 3);
                for (int k = 0; k < padding; k++) {
                    if (in.u1() != 0 && in.major >= 51) {
                        throw new Malformed("nonzero padding bytes in a switch at " + pc);
                    }
                }
                targets.add(pc + in.u4());
                if (opcode == 170) {
                    int low = in.u4();
                    int high = in.u4();
                    if (low > high) {
                        throw new Malformed("tableswitch low > high at " + pc);
                    }
                    in.need(4L * ((long) high - low + 1));
                    for (long k = (long) high - low + 1; k > 0; k--) {
                        targets.add(pc + in.u4());
                    }
                } else {
                    int pairs = in.u4();
                    if (pairs < 0) {
                        throw new Malformed("negative lookupswitch size at " + pc);
                    }
                    in.need(8L * pairs);
                    long previous = Long.MIN_VALUE;
                    for (int k = 0; k < pairs; k++) {
                        int key = in.u4();
                        if (key <= previous) {
                            throw new Malformed("lookupswitch keys not sorted at " + pc);
                        }
                        previous = key;
                        targets.add(pc + in.u4());
                    }
                }
                size = in.pos - codeStart - pc;
            } else {
                in.need(size - 1);
                if (opcode >= 21 && opcode <= 25 || opcode >= 54 && opcode <= 58 || opcode == 169 || opcode == 132) {
                    local(opcode, in.b[in.pos] & 0xff, maxLocals, pc);
                } else if (opcode >= 26 && opcode <= 45) {
                    local(21 + (opcode - 26) / 4, (opcode - 26) % 4, maxLocals, pc);
                } else if (opcode >= 59 && opcode <= 78) {
                    local(54 + (opcode - 59) / 4, (opcode - 59) % 4, maxLocals, pc);
                }
                operands(in, opcode, pc, targets);
            }
            if (codeStart + pc + size > end) {
                throw new Malformed("an instruction runs past the end of the code at " + pc);
            }
            pc += size;
        }
        for (int i = 0; i < targets.size(); i++) {
            int target = targets.get(i);
            if (target < 0 || target >= codeLength || !starts.get(target)) {
                throw new Malformed("illegal jump target " + target);
            }
        }
        return starts;
    }

    /** A local variable instruction's slot (two for lload, dload, lstore, dstore) must be below max_locals. */
    private static void local(int opcode, int slot, int maxLocals, int pc) throws Malformed {
        int size = opcode == 22 || opcode == 24 || opcode == 55 || opcode == 57 ? 2 : 1;
        if (slot + size > maxLocals) {
            throw new Malformed("local variable " + slot + " at " + pc + " is past max_locals " + maxLocals);
        }
    }

    /** Checks the operands of an instruction of fixed size; the input is after its opcode. */
    private static void operands(Input in, int opcode, int pc, IntList targets) throws Malformed {
        switch (opcode) {
            case 18 -> ldc(in, in.u1(), false);
            case 19 -> ldc(in, in.u2(), false);
            case 20 -> ldc(in, in.u2(), true);
            case 178, 179, 180, 181 -> in.ref("a field instruction", false, FIELDREF);
            case 182 -> in.ref("invokevirtual", false, METHODREF);
            case 183, 184 -> {
                if (in.major >= 52) {
                    in.ref("invokespecial or invokestatic", false, METHODREF, INTERFACE_METHODREF);
                } else {
                    in.ref("invokespecial or invokestatic", false, METHODREF);
                }
            }
            case 185 -> {
                in.ref("invokeinterface", false, INTERFACE_METHODREF);
                if (in.u1() == 0 || in.u1() != 0) {
                    throw new Malformed("bad operand bytes of invokeinterface at " + pc);
                }
            }
            case 186 -> {
                in.ref("invokedynamic", false, INVOKE_DYNAMIC);
                if (in.u2() != 0) {
                    throw new Malformed("nonzero operand bytes of invokedynamic at " + pc);
                }
            }
            case 187, 189, 192, 193 -> in.ref("a type instruction", false, CLASS);
            case 197 -> {
                in.ref("multianewarray", false, CLASS);
                in.u1();
            }
            case 200, 201 -> targets.add(pc + in.u4());
            default -> {
                if (opcode >= 153 && opcode <= 168 || opcode == 198 || opcode == 199) {
                    targets.add(pc + (short) in.u2());
                }
            }
        }
    }

    private static void ldc(Input in, int index, boolean wide) throws Malformed {
        int tag = in.tag(index);
        boolean ok = wide ? tag == LONG || tag == DOUBLE : tag == INTEGER || tag == FLOAT || tag == STRING
                || tag == CLASS || tag == METHOD_TYPE || tag == METHOD_HANDLE;
        if (tag == DYNAMIC) {
            int at = in.offsets[index] + 2;
            int nat = ((in.b[at] & 0xff) << 8) | (in.b[at + 1] & 0xff);
            at = in.offsets[nat] + 2;
            String type = in.utf8(((in.b[at] & 0xff) << 8) | (in.b[at + 1] & 0xff));
            ok = wide == (type.equals("J") || type.equals("D"));
        }
        if (!ok) {
            throw new Malformed("bad constant " + index + " for " + (wide ? "ldc2_w" : "ldc"));
        }
    }

    /** The slots the arguments of a method descriptor take. */
    static int argumentSlots(String descriptor) throws Malformed {
        int slots = 0;
        int i = 1;
        try {
            while (descriptor.charAt(i) != ')') {
                char c = descriptor.charAt(i);
                slots += c == 'J' || c == 'D' ? 2 : 1;
                while (descriptor.charAt(i) == '[') {
                    i++;
                }
                i = descriptor.charAt(i) == 'L' ? descriptor.indexOf(';', i) + 1 : i + 1;
                if (i == 0) {
                    throw new Malformed("bad method descriptor " + descriptor);
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw new Malformed("bad method descriptor " + descriptor);
        }
        return slots;
    }

    /** Instruction sizes. */
    static final class Opcodes {
        static final byte[] SIZES = new byte[256];

        static {
            for (int op = 0; op <= 201; op++) {
                SIZES[op] = 1;
            }
            for (int op : new int[] {16, 18, 21, 22, 23, 24, 25, 54, 55, 56, 57, 58, 169, 188}) {
                SIZES[op] = 2;
            }
            for (int op : new int[] {17, 19, 20, 132, 178, 179, 180, 181, 182, 183, 184, 187, 189, 192, 193, 198,
                199}) {
                SIZES[op] = 3;
            }
            for (int op = 153; op <= 168; op++) {
                SIZES[op] = 3;
            }
            SIZES[197] = 4;
            SIZES[185] = 5;
            SIZES[186] = 5;
            SIZES[200] = 5;
            SIZES[201] = 5;
        }

        /** @return the size of an instruction of fixed size (1 for wide and the switches), 0 if no opcode */
        static int size(int opcode) {
            return SIZES[opcode];
        }
    }
}
