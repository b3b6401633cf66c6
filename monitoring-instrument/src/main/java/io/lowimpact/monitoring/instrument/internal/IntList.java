package io.lowimpact.monitoring.instrument.internal;

import java.util.Arrays;

/**
 * A growable list of {@code int}s, for the class file check's offsets and the analysis's jump targets (no boxing).
 * Not thread-safe.
 */
public final class IntList {

    private int[] values;
    private int size;

    public IntList(int capacity) {
        values = new int[Math.max(capacity, 4)];
    }

    public void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public int get(int index) {
        return values[index];
    }

    public int size() {
        return size;
    }

    public boolean contains(int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** @return a copy of the values, in the order they were added */
    public int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
