package io.lowimpact.tools.profiler.internal;

import java.util.Arrays;

/**
 * One thread's calling-context tree: a node per distinct path of frames from the thread's first recorded frame,
 * holding how often that path was entered and the time spent in it (inclusive). Node 0 is the root, which stands
 * for the thread itself. Keys are {@link FrameKeys}: a code unit's id, or an external callee's negative key.
 *
 * <p>A node finds its child for a key in two steps: its most recently found child, then one open-addressed table
 * of the whole tree keyed by (parent, key), linear probing, at most half full. No map, no boxing, nothing allocated
 * but the arrays, which double when full.
 *
 * <p>Written by its thread only, without locks; {@link #copy()} may be called from another thread and then sees
 * a possibly slightly stale, but never structurally broken, tree: arrays only grow, and a node's fields are
 * written before {@link #size} counts it.
 */
public final class CallTree {

    /** The root node: the thread. */
    public static final int ROOT = 0;

    private static final int NONE = -1;

    private int size = 1;
    private int[] key = new int[64];
    private int[] parent = new int[64];
    private int[] lastChild = filled(64);
    private long[] count = new long[64];
    private long[] inclusive = new long[64];
    /** (parent, key) of each slot, see {@link #pair}; meaningful where {@link #slotChild} is not 0. */
    private long[] slotPair = new long[128];
    /** The child in each slot, 0 for an empty slot (the root is nobody's child). */
    private int[] slotChild = new int[128];

    /**
     * The child of {@code node} for {@code frameKey}, created if new.
     *
     * @param node the parent
     * @param frameKey the child's key
     * @return the child's index
     */
    public int child(int node, int frameKey) {
        int last = lastChild[node];
        if (last != NONE && key[last] == frameKey) {
            return last;
        }
        int c = find(node, frameKey);
        lastChild[node] = c;
        return c;
    }

    private int find(int node, int frameKey) {
        long pair = pair(node, frameKey);
        int mask = slotChild.length - 1;
        for (int i = slot(pair, mask); ; i = (i + 1) & mask) {
            int c = slotChild[i];
            if (c == 0) {
                return add(node, frameKey, pair, i);
            }
            if (slotPair[i] == pair) {
                return c;
            }
        }
    }

    private int add(int node, int frameKey, long pair, int emptySlot) {
        if (size == key.length) {
            grow();
        }
        int c = size;
        key[c] = frameKey;
        parent[c] = node;
        lastChild[c] = NONE;
        slotPair[emptySlot] = pair;
        slotChild[emptySlot] = c;
        size = c + 1;
        if (2 * size > slotChild.length) {
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
        long[] pairs = slotPair;
        int[] children = slotChild;
        int n = children.length * 2;
        int mask = n - 1;
        long[] newPairs = new long[n];
        int[] newChildren = new int[n];
        for (int i = 0; i < children.length; i++) {
            if (children[i] != 0) {
                int j = slot(pairs[i], mask);
                while (newChildren[j] != 0) {
                    j = (j + 1) & mask;
                }
                newPairs[j] = pairs[i];
                newChildren[j] = children[i];
            }
        }
        slotPair = newPairs;
        slotChild = newChildren;
    }

    private void grow() {
        int n = key.length * 2;
        key = Arrays.copyOf(key, n);
        parent = Arrays.copyOf(parent, n);
        lastChild = Arrays.copyOf(lastChild, n);
        count = Arrays.copyOf(count, n);
        inclusive = Arrays.copyOf(inclusive, n);
    }

    /** Counts one entry into {@code node}. */
    public void enter(int node) {
        count[node]++;
    }

    /** Adds {@code nanos} to the inclusive time of {@code node}. */
    public void addTime(int node, long nanos) {
        inclusive[node] += nanos;
    }

    /**
     * A copy of the tree as it is now. Called from another thread while this one records, it may miss the latest
     * entries and times, never more.
     *
     * @return the copy
     */
    public TreeData copy() {
        int[] k = key;
        int[] p = parent;
        long[] c = count;
        long[] t = inclusive;
        int n = Math.min(size, Math.min(Math.min(k.length, p.length), Math.min(c.length, t.length)));
        return new TreeData(n, Arrays.copyOf(k, n), Arrays.copyOf(p, n), Arrays.copyOf(c, n), Arrays.copyOf(t, n));
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, NONE);
        return a;
    }
}
