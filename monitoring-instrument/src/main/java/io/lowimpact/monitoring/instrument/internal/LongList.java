package io.lowimpact.monitoring.instrument.internal;

import java.util.Arrays;

/** A growable list of {@code long}s, for the class file check's local variable entries (no boxing). Not thread-safe. */
final class LongList {

    private long[] values;
    private int size;

    LongList(int capacity) {
        values = new long[Math.max(capacity, 4)];
    }

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    boolean contains(long value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
