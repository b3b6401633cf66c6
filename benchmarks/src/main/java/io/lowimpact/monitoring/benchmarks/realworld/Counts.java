package io.lowimpact.monitoring.benchmarks.realworld;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Event counts per code unit id ({@code CodeUnit.id()} is dense), growing as ids appear. Increments are atomic;
 * growth takes a lock. An increment racing with a grow on another thread may land in the old array and be lost:
 * javac compiles on one thread, so the counts are exact for this benchmark.
 */
final class Counts {

    private volatile AtomicLongArray counts = new AtomicLongArray(1 << 14);

    /** @param id a code unit id, {@code >= 0} */
    void increment(int id) {
        add(id, 1);
    }

    /**
     * @param id a code unit id, {@code >= 0}
     * @param n what to add to its count
     */
    void add(int id, long n) {
        AtomicLongArray a = counts;
        if (id >= a.length()) {
            a = grow(id);
        }
        a.addAndGet(id, n);
    }

    private synchronized AtomicLongArray grow(int id) {
        AtomicLongArray a = counts;
        if (id < a.length()) {
            return a;
        }
        AtomicLongArray b = new AtomicLongArray(Math.max(a.length() * 2, id + 1));
        for (int i = 0; i < a.length(); i++) {
            b.set(i, a.get(i));
        }
        counts = b;
        return b;
    }

    /** @return the sum of all counts */
    long total() {
        AtomicLongArray a = counts;
        long sum = 0;
        for (int i = 0; i < a.length(); i++) {
            sum += a.get(i);
        }
        return sum;
    }

    /** @return how many ids have a count above zero */
    int nonZero() {
        AtomicLongArray a = counts;
        int n = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.get(i) != 0) {
                n++;
            }
        }
        return n;
    }
}
