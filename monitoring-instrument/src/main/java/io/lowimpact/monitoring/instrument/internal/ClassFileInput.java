package io.lowimpact.monitoring.instrument.internal;

import io.lowimpact.monitoring.instrument.internal.ClassFileCheck.Malformed;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The class file that {@link ClassFileCheck} reads: the bytes, a cursor, the constant pool's tags and offsets, and what
 * the check decodes from the pool once per class (Utf8 entries, the stack effects of member constants).
 */
final class ClassFileInput {

    final byte[] b;
    int pos;
    int major;
    byte[] tags;
    int[] offsets;
    /** The Utf8 entries decoded so far, by index: each name and descriptor is decoded once per class. */
    private String[] strings;
    /** StackHeights' stack effect of each member constant worked out so far, by index; MIN_VALUE if not yet. */
    private int[] memberSlots;

    ClassFileInput(byte[] b) {
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
            Arrays.fill(memberSlots, Integer.MIN_VALUE);
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
            s = new String(b, at + 2, length, StandardCharsets.ISO_8859_1);
            strings[index] = s;
        }
        return s;
    }
}
