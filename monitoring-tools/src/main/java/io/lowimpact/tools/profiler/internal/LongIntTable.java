package io.lowimpact.tools.profiler.internal;

import java.util.Arrays;

/**
 * A map from {@code long} keys to non-negative {@code int} values without boxing: open addressing, at most half
 * full, with a hash that mixes all 64 bits (a pair of ints packed in a long has a poor {@link Long#hashCode()}, the
 * two xor-ed, so that a boxed map of a large profile's caller-callee pairs degrades into tree bins).
 */
final class LongIntTable {

    private static final int FREE = -1;

    private long[] keys;
    private int[] values;
    private int size;

    /** @param expected how many keys to size for */
    LongIntTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) * 2;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, FREE);
    }

    /** @return the key's value, or -1 if it has none */
    int get(long key) {
        long[] k = keys;
        int mask = k.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (values[i] == FREE) {
                return FREE;
            }
            if (k[i] == key) {
                return values[i];
            }
        }
    }

    /**
     * Gives a key that has no value its value.
     *
     * @param key the key, not yet in the table
     * @param value its value, not negative
     */
    void putNew(long key, int value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (values[i] != FREE) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    /** @return the number of keys */
    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, FREE);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != FREE) {
                putNew(oldKeys[i], oldValues[i]);
            }
        }
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static int mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return (int) k;
    }
}
