package io.lowimpact.tools.profiler.internal;

import java.util.Arrays;

/**
 * One thread's calling-context tree: a node per distinct path of frames from the thread's first recorded frame,
 * holding how often that path was entered and the time spent in it (inclusive). Node 0 is the root, which stands
 * for the thread itself. Keys are {@link FrameKeys}: a code unit's id, or an external callee's negative key.
 *
 * <p>Each node is one record of four longs in one array (key and parent, most recently found child, count,
 * inclusive time), so that finding a node and counting it touch one cache line, not one per field. A node finds its
 * child for a key in two steps: its most recently found child, then one open-addressed table of the whole tree
 * keyed by (parent, key), linear probing, at most half full, each slot's pair and child side by side. No map, no
 * boxing, nothing allocated but the arrays, which double when full.
 *
 * <p>Written by its thread only, without locks; {@link #copy()} may be called from another thread and then sees
 * a possibly slightly stale, but never structurally broken, tree: arrays only grow, and a node's fields are
 * written before {@link #size} counts it.
 */
public final class CallTree {

    /** The root node: the thread. */
    public static final int ROOT = 0;

    private static final int NONE = -1;
    private static final int STRIDE = 4;
    private static final int PAIR = 0;
    private static final int LAST_CHILD = 1;
    private static final int COUNT = 2;
    private static final int INCLUSIVE = 3;

    private int size = 1;
    /** Per node, at {@code STRIDE * node}: (parent, key) as {@link #pair}, last child, count, inclusive. */
    private long[] nodes = root(64);
    /** Per slot, at {@code 2 * slot}: the (parent, key) pair, and the child (0 if empty: the root is no child). */
    private long[] slots = new long[2 * 128];

    /**
     * The child of {@code node} for {@code frameKey}, created if new.
     *
     * @param node the parent
     * @param frameKey the child's key
     * @return the child's index
     */
    public int child(int node, int frameKey) {
        long[] a = nodes;
        long pair = pair(node, frameKey);
        int last = (int) a[STRIDE * node + LAST_CHILD];
        if (last != NONE && a[STRIDE * last + PAIR] == pair) {
            return last;
        }
        int c = find(node, frameKey, pair);
        nodes[STRIDE * node + LAST_CHILD] = c;
        return c;
    }

    private int find(int node, int frameKey, long pair) {
        long[] s = slots;
        int mask = (s.length >> 1) - 1;
        for (int i = slot(pair, mask); ; i = (i + 1) & mask) {
            int c = (int) s[2 * i + 1];
            if (c == 0) {
                return add(pair, i);
            }
            if (s[2 * i] == pair) {
                return c;
            }
        }
    }

    private int add(long pair, int emptySlot) {
        if (STRIDE * (size + 1) > nodes.length) {
            nodes = Arrays.copyOf(nodes, nodes.length * 2);
        }
        int c = size;
        long[] a = nodes;
        a[STRIDE * c + PAIR] = pair;
        a[STRIDE * c + LAST_CHILD] = NONE;
        slots[2 * emptySlot] = pair;
        slots[2 * emptySlot + 1] = c;
        size = c + 1;
        if (4 * size > slots.length) { // more than half of the slots full
            rehash();
        }
        return c;
    }

    private static long pair(int node, int frameKey) {
        return ((long) node << 32) | (frameKey & 0xFFFF_FFFFL);
    }

    private static int slot(long pair, int mask) {
        long h = pair * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 32) & mask;
    }

    private void rehash() {
        long[] old = slots;
        long[] s = new long[old.length * 2];
        int mask = (s.length >> 1) - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) {
                int j = slot(old[i], mask);
                while (s[2 * j + 1] != 0) {
                    j = (j + 1) & mask;
                }
                s[2 * j] = old[i];
                s[2 * j + 1] = old[i + 1];
            }
        }
        slots = s;
    }

    /** Counts one entry into {@code node}. */
    public void enter(int node) {
        nodes[STRIDE * node + COUNT]++;
    }

    /** Adds {@code nanos} to the inclusive time of {@code node}. */
    public void addTime(int node, long nanos) {
        nodes[STRIDE * node + INCLUSIVE] += nanos;
    }

    /**
     * A copy of the tree as it is now. Called from another thread while this one records, it may miss the latest
     * entries and times, never more.
     *
     * @return the copy
     */
    public TreeData copy() {
        long[] a = nodes;
        int n = Math.min(size, a.length / STRIDE);
        int[] k = new int[n];
        int[] p = new int[n];
        long[] c = new long[n];
        long[] t = new long[n];
        for (int i = 1; i < n; i++) {
            long pair = a[STRIDE * i + PAIR];
            k[i] = (int) pair;
            p[i] = (int) (pair >>> 32);
            c[i] = a[STRIDE * i + COUNT];
            t[i] = a[STRIDE * i + INCLUSIVE];
        }
        return new TreeData(n, k, p, c, t);
    }

    private static long[] root(int capacity) {
        long[] a = new long[STRIDE * capacity];
        a[LAST_CHILD] = NONE;
        return a;
    }
}
