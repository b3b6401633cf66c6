package io.lowimpact.monitoring.core.internal;

import java.util.Arrays;

/**
 * The bytecode slots one tool disabled, as {@code (class id, slot)} pairs in a growing {@code long[]}: eight bytes a
 * mark, and no object per slot, so that a coverage tool that disabled every probe of a program keeps it small. May
 * hold stale pairs whose mark was since lifted; {@link Marks} checks each one. Guarded by the Control lock.
 */
final class SlotMarks {

    private long[] pairs = new long[16];
    private int size;

    void add(int classId, int slot) {
        if (size == pairs.length) {
            pairs = Arrays.copyOf(pairs, size * 2);
        }
        pairs[size++] = (long) classId << 32 | (slot & 0xFFFFFFFFL);
    }

    int size() {
        return size;
    }

    int classId(int i) {
        return (int) (pairs[i] >>> 32);
    }

    int slot(int i) {
        return (int) pairs[i];
    }

    /** Keeps the pairs {@code keep} accepts, in order. */
    void retain(Keep keep) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (keep.keep(classId(i), slot(i))) {
                pairs[kept++] = pairs[i];
            }
        }
        size = kept;
    }

    void clear() {
        size = 0;
        if (pairs.length > 1024) {
            pairs = new long[16]; // a restart empties the list: do not keep the largest it ever was
        }
    }

    /** Decides whether a pair stays. */
    @FunctionalInterface
    interface Keep {
        boolean keep(int classId, int slot);
    }
}
