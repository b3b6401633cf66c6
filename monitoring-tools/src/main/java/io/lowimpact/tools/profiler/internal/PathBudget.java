package io.lowimpact.tools.profiler.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many call paths (call-tree nodes) one profiler's threads may still make, together. A deeply recursive program
 * has millions of distinct call paths (javac: hundreds of MiB of tree), so a profiler with no limit could fill the
 * heap of the program it measures; once the budget is spent, calls on new paths are counted as untracked instead
 * (see {@link Recorder}). Taken from on the slow path only, when a node is made. Thread-safe.
 */
public final class PathBudget {

    /** The fewest paths a budget allows, whatever the heap. */
    public static final long MIN = 1 << 16;
    /** Heap bytes per path allowed by {@link #forHeap}: a node is about 36 bytes, and its arrays double when full. */
    static final long HEAP_BYTES_PER_PATH = 256;

    private final long max;
    private final AtomicLong left;

    private PathBudget(long max) {
        this.max = max;
        this.left = new AtomicLong(max);
    }

    /**
     * @param max the most paths, at least 1
     * @return a budget of {@code max} paths
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public static PathBudget of(long max) {
        if (max < 1) {
            throw new IllegalArgumentException("the call path limit must be at least 1: " + max);
        }
        return new PathBudget(max);
    }

    /**
     * @param maxHeapBytes the heap's limit ({@link Runtime#maxMemory()})
     * @return a budget of one path per {@value #HEAP_BYTES_PER_PATH} bytes of heap, and at least {@link #MIN}: the
     *         tree then takes at most about a seventh of the heap, twice that while its arrays grow
     */
    public static PathBudget forHeap(long maxHeapBytes) {
        return new PathBudget(Math.max(MIN, maxHeapBytes / HEAP_BYTES_PER_PATH));
    }

    /** @return whether one more path may be made; if so it is counted */
    boolean take() {
        if (left.get() <= 0) {
            return false;
        }
        return left.getAndDecrement() > 0;
    }

    /** @return the most paths */
    public long max() {
        return max;
    }
}
