package io.lowimpact.monitoring.instrument.internal;

/**
 * The instrumenter's front door: whether a class file is well-formed in the ways that HotSpot's class file parser
 * checks and that ASM would silently normalise when it reads and rewrites the class. ASM decodes an invalid
 * modified-UTF-8 constant leniently and writes it back valid, drops unused constant pool entries, trailing bytes
 * and debug attributes it does not keep, and rewrites a {@code Code} attribute's instructions; a class file the JVM
 * would refuse could so come out of the instrumenter as one it accepts. A class that this check refuses is left
 * unchanged (the agent), so that the JVM refuses it as without the agent, or refused (the offline API).
 *
 * <p>It checks the structure of the whole file (every length and count, nothing left over), the constant pool
 * (tags, the kinds of the entries each entry refers to, modified UTF-8 as HotSpot reads it), the indexes of the
 * class header, and the attributes that ASM rewrites or drops ({@link CodeAttributeCheck} for {@code Code}). It
 * does not check what ASM keeps as it is (names, descriptors, access flags, versions): the JVM still judges those
 * on the instrumented class. Stateless and thread-safe.
 */
public final class ClassFileCheck {

    static final int UTF8 = 1;
    static final int INTEGER = 3;
    static final int FLOAT = 4;
    static final int LONG = 5;
    static final int DOUBLE = 6;
    static final int CLASS = 7;
    static final int STRING = 8;
    static final int FIELDREF = 9;
    static final int METHODREF = 10;
    static final int INTERFACE_METHODREF = 11;
    static final int NAME_AND_TYPE = 12;
    static final int METHOD_HANDLE = 15;
    static final int METHOD_TYPE = 16;
    static final int DYNAMIC = 17;
    static final int INVOKE_DYNAMIC = 18;

    /** A problem found; its message says what and where. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** The class file being read: the bytes, a cursor, and the constant pool's tags and offsets. */
    static final class Input {
        final byte[] b;
        int pos;
        int major;
        byte[] tags;
        int[] offsets;
        /** The Utf8 entries decoded so far, by index: each name and descriptor is decoded once per class. */
        private String[] strings;
        /** StackHeights' stack effect of each member constant worked out so far, by index; MIN_VALUE if not yet. */
        private int[] memberSlots;

        Input(byte[] b) {
            this.b = b;
        }

        int u1() throws Malformed {
            need(1);
            return b[pos++] & 0xff;
        }

        int u2() throws Malformed {
            need(2);
            int v = ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
            pos += 2;
            return v;
        }

        int u4() throws Malformed {
            need(4);
            int v = ((b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8)
                    | (b[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        void skip(long n) throws Malformed {
            need(n);
            pos += (int) n;
        }

        void need(long n) throws Malformed {
            if (n < 0 || pos + n > b.length) {
                throw new Malformed("truncated class file at offset " + pos);
            }
        }

        int tag(int index) {
            return index > 0 && index < tags.length ? tags[index] : 0;
        }

        /** Reads a constant pool index that must name an entry of one of the given kinds (0 allowed if asked). */
        int ref(String what, boolean zeroAllowed, int... kinds) throws Malformed {
            int index = u2();
            check(what, index, zeroAllowed, kinds);
            return index;
        }

        void check(String what, int index, boolean zeroAllowed, int... kinds) throws Malformed {
            if (index == 0 && zeroAllowed) {
                return;
            }
            int tag = tag(index);
            for (int kind : kinds) {
                if (tag == kind) {
                    return;
                }
            }
            throw new Malformed("invalid constant pool index " + index + " for " + what);
        }

        /** @return the stack effect of the member constant at {@code index} noted so far, or MIN_VALUE */
        int memberSlots(int index) {
            return memberSlots == null ? Integer.MIN_VALUE : memberSlots[index];
        }

        void memberSlots(int index, int slots) {
            if (memberSlots == null) {
                memberSlots = new int[offsets.length];
                java.util.Arrays.fill(memberSlots, Integer.MIN_VALUE);
            }
            memberSlots[index] = slots;
        }

        /** The constant pool's Utf8 entry at an index already checked. */
        String utf8(int index) {
            if (strings == null) {
                strings = new String[offsets.length];
            }
            String s = strings[index];
            if (s == null) {
                int at = offsets[index];
                int length = ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
                // Names of attributes and descriptors compared here are ASCII, which is all this needs.
                s = new String(b, at + 2, length, java.nio.charset.StandardCharsets.ISO_8859_1);
                strings[index] = s;
            }
            return s;
        }
    }

    private ClassFileCheck() {
    }

    /**
     * @param classFile the class file
     * @return what is malformed in it, or {@code null} if nothing that this check looks at is
     */
    public static String problem(byte[] classFile) {
        try {
            check(new Input(classFile));
            return null;
        } catch (Malformed e) {
            return e.getMessage();
        }
    }

    private static void check(Input in) throws Malformed {
        if (in.u4() != 0xCAFEBABE) {
            throw new Malformed("bad magic number");
        }
        in.u2();
        in.major = in.u2();
        constantPool(in);
        in.u2(); // access flags
        in.ref("this_class", false, CLASS);
        in.ref("super_class", true, CLASS);
        for (int n = in.u2(); n > 0; n--) {
            in.ref("an interface", false, CLASS);
        }
        for (int n = in.u2(); n > 0; n--) {
            member(in, false);
        }
        for (int n = in.u2(); n > 0; n--) {
            member(in, true);
        }
        int[] bootstrap = {-1, -1}; // where the BootstrapMethods attribute starts and ends, checked last
        attributes(in, false, (name, start, length) -> {
            if (name.equals("BootstrapMethods") && in.major >= 51) {
                bootstrap[0] = start;
                bootstrap[1] = start + length;
            } else {
                AttributeCheck.ofClass(in, name, length);
            }
        });
        if (in.pos != in.b.length) {
            throw new Malformed("extra bytes at the end of the class file");
        }
        int bootstrapMethods = 0;
        if (bootstrap[0] >= 0) {
            in.pos = bootstrap[0];
            bootstrapMethods = AttributeCheck.bootstrapMethods(in, bootstrap[1]);
        }
        for (int i = 1; i < in.tags.length; i++) {
            if (in.tags[i] == DYNAMIC || in.tags[i] == INVOKE_DYNAMIC) {
                int bsm = ((in.b[in.offsets[i]] & 0xff) << 8) | (in.b[in.offsets[i] + 1] & 0xff);
                if (bsm >= bootstrapMethods) {
                    throw new Malformed("bootstrap method index " + bsm + " out of range in constant " + i);
                }
            }
        }
    }

    private static void constantPool(Input in) throws Malformed {
        int count = in.u2();
        if (count == 0) {
            throw new Malformed("empty constant pool");
        }
        in.tags = new byte[count];
        in.offsets = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.u1();
            in.tags[i] = (byte) tag;
            in.offsets[i] = in.pos;
            switch (tag) {
                case UTF8 -> {
                    int length = in.u2();
                    in.need(length);
                    if (!legalUtf8(in.b, in.pos, length, in.major <= 47)) {
                        throw new Malformed("illegal modified UTF-8 string in constant " + i);
                    }
                    in.pos += length;
                }
                case INTEGER, FLOAT -> in.skip(4);
                case LONG, DOUBLE -> {
                    in.skip(8);
                    if (++i >= count) {
                        throw new Malformed("a long or double constant at the end of the constant pool");
                    }
                }
                case CLASS, STRING, METHOD_TYPE, 19, 20 -> in.skip(2);
                case FIELDREF, METHODREF, INTERFACE_METHODREF, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC -> in.skip(4);
                case METHOD_HANDLE -> in.skip(3);
                default -> throw new Malformed("unknown constant tag " + tag + " at constant " + i);
            }
            if ((tag == METHOD_HANDLE || tag == METHOD_TYPE || tag == INVOKE_DYNAMIC) && in.major < 51
                    || tag == DYNAMIC && in.major < 55 || tag == 19 || tag == 20) {
                throw new Malformed("constant tag " + tag + " not allowed here (constant " + i + ")");
            }
        }
        int end = in.pos;
        for (int i = 1; i < count; i++) {
            in.pos = in.offsets[i];
            switch (in.tags[i]) {
                case CLASS -> in.ref("a class constant", false, UTF8);
                case STRING -> in.ref("a string constant", false, UTF8);
                case METHOD_TYPE -> in.ref("a method type constant", false, UTF8);
                case FIELDREF, METHODREF, INTERFACE_METHODREF -> {
                    in.ref("a member reference", false, CLASS);
                    int nat = in.ref("a member reference", false, NAME_AND_TYPE);
                    int at = in.offsets[nat] + 2;
                    int type = ((in.b[at] & 0xff) << 8) | (in.b[at + 1] & 0xff);
                    if (in.tag(type) == UTF8) {
                        descriptor(in.utf8(type), in.tags[i] != FIELDREF);
                    }
                }
                case NAME_AND_TYPE -> {
                    in.ref("a name and type", false, UTF8);
                    in.ref("a name and type", false, UTF8);
                }
                case DYNAMIC, INVOKE_DYNAMIC -> {
                    in.u2();
                    in.ref("a dynamic constant", false, NAME_AND_TYPE);
                }
                case METHOD_HANDLE -> {
                    int kind = in.u1();
                    if (kind >= 1 && kind <= 4) {
                        in.ref("a method handle", false, FIELDREF);
                    } else if (kind == 5 || kind == 8) {
                        in.ref("a method handle", false, METHODREF);
                    } else if (kind == 6 || kind == 7) {
                        if (in.major >= 52) {
                            in.ref("a method handle", false, METHODREF, INTERFACE_METHODREF);
                        } else {
                            in.ref("a method handle", false, METHODREF);
                        }
                    } else if (kind == 9) {
                        in.ref("a method handle", false, INTERFACE_METHODREF);
                    } else {
                        throw new Malformed("bad method handle kind " + kind + " at constant " + i);
                    }
                }
                default -> {
                }
            }
        }
        in.pos = end;
    }

    private static void member(Input in, boolean method) throws Malformed {
        int access = in.u2();
        in.ref("a member name", false, UTF8);
        int descriptor = in.ref("a member descriptor", false, UTF8);
        descriptor(in.utf8(descriptor), method);
        attributes(in, true, (name, start, length) -> {
            if (method && name.equals("Code")) {
                CodeAttributeCheck.code(in, length, in.utf8(descriptor), (access & 0x0008) != 0);
            } else {
                AttributeCheck.ofMember(in, name, length, method);
            }
        });
    }

    /** Checks one attribute, whose bytes start at {@code start} (the input's position) and are in bounds. */
    private interface AttributeBody {
        void check(String name, int start, int length) throws Malformed;
    }

    /**
     * Reads the attribute table of a class ({@code member} false) or of a field or method: each attribute's name
     * and length, in bounds, at most one of each attribute that may appear once there, and {@code body} checks its
     * bytes; reading goes on after them, wherever {@code body} stopped.
     */
    private static void attributes(Input in, boolean member, AttributeBody body) throws Malformed {
        int count = in.u2();
        String[] seen = null; // the names of the attributes read that may occur once; a table has few
        int seenCount = 0;
        for (int n = count; n > 0; n--) {
            String name = in.utf8(in.ref("an attribute name", false, UTF8));
            long length = in.u4() & 0xffffffffL;
            in.need(length);
            int start = in.pos;
            if (AttributeCheck.unique(name, in.major, member)) {
                if (seen == null) {
                    seen = new String[count];
                }
                for (int k = 0; k < seenCount; k++) {
                    if (seen[k].equals(name)) {
                        throw new Malformed("multiple " + name + " attributes");
                    }
                }
                seen[seenCount++] = name;
            }
            body.check(name, start, (int) length);
            in.pos = start + (int) length;
        }
    }

    /**
     * Checks a field or method descriptor's grammar (ASM's frame analysis asserts on a type that starts with no type
     * character, and the JVM refuses such a class: "illegal signature").
     */
    static void descriptor(String d, boolean method) throws Malformed {
        int i = 0;
        if (method) {
            if (d.isEmpty() || d.charAt(0) != '(') {
                throw new Malformed("illegal method descriptor " + d);
            }
            i = 1;
            while (i < d.length() && d.charAt(i) != ')') {
                i = fieldType(d, i);
            }
            if (i >= d.length()) {
                throw new Malformed("illegal method descriptor " + d);
            }
            i++;
            if (i < d.length() && d.charAt(i) == 'V') {
                i++;
            } else {
                i = fieldType(d, i);
            }
        } else {
            i = fieldType(d, 0);
        }
        if (i != d.length()) {
            throw new Malformed("illegal descriptor " + d);
        }
    }

    /** @return the index after the field type at {@code i} */
    private static int fieldType(String d, int i) throws Malformed {
        int start = i;
        while (i < d.length() && d.charAt(i) == '[') {
            i++;
        }
        if (i - start > 255 || i >= d.length()) {
            throw new Malformed("illegal descriptor " + d);
        }
        char c = d.charAt(i);
        if ("BCDFIJSZ".indexOf(c) >= 0) {
            return i + 1;
        }
        int end = d.indexOf(';', i);
        if (c != 'L' || end < 0) {
            throw new Malformed("illegal descriptor " + d);
        }
        // The class name between 'L' and ';': not empty, no empty package or class part, no '.' or '['.
        if (end == i + 1 || d.charAt(i + 1) == '/' || d.charAt(end - 1) == '/') {
            throw new Malformed("illegal descriptor " + d);
        }
        for (int k = i + 1; k < end; k++) {
            char n = d.charAt(k);
            if (n == '.' || n == '[' || n == '/' && d.charAt(k + 1) == '/') {
                throw new Malformed("illegal descriptor " + d);
            }
        }
        return end + 1;
    }

    /** Modified UTF-8 as HotSpot accepts it (shortest forms only after version 47, no zero byte). */
    static boolean legalUtf8(byte[] b, int from, int length, boolean version47OrOlder) {
        int end = from + length;
        for (int i = from; i < end; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                return false;
            }
            if (c < 0x80) {
                continue;
            }
            if (i + 5 < end && c == 0xED && (b[i + 1] & 0xF0) == 0xA0 && (b[i + 2] & 0xC0) == 0x80
                    && (b[i + 3] & 0xFF) == 0xED && (b[i + 4] & 0xF0) == 0xB0 && (b[i + 5] & 0xC0) == 0x80) {
                i += 5; // a surrogate pair, as HotSpot reads it
                continue;
            }
            switch (c >> 4) {
                case 0xC, 0xD -> {
                    i++;
                    if (i >= end || (b[i] & 0xC0) != 0x80) {
                        return false;
                    }
                    int v = ((c & 0x1F) << 6) | (b[i] & 0x3F);
                    if (!version47OrOlder && v != 0 && v < 0x80) {
                        return false;
                    }
                }
                case 0xE -> {
                    i += 2;
                    if (i >= end || (b[i - 1] & 0xC0) != 0x80 || (b[i] & 0xC0) != 0x80) {
                        return false;
                    }
                    int v = ((c & 0xF) << 12) | ((b[i - 1] & 0x3F) << 6) | (b[i] & 0x3F);
                    if (!version47OrOlder && v < 0x800) {
                        return false;
                    }
                }
                default -> {
                    return false; // 0x8_, 0x9_, 0xA_, 0xB_: a continuation byte first; 0xF_: not modified UTF-8
                }
            }
        }
        return true;
    }
}
