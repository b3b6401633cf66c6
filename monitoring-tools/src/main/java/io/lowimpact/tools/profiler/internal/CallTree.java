package io.lowimpact.tools.profiler.internal;

import java.util.Arrays;

/**
 * One thread's calling-context tree: a node per distinct path of frames from the thread's first recorded frame,
 * holding how often that path was entered and the time spent in it (inclusive). Node 0 is the root, which stands
 * for the thread itself. Keys are {@link FrameKeys}: a code unit's id, or an external callee's negative key.
 *
 * <p>Written by its thread only, without locks; {@link #copy()} may be called from another thread and then sees
 * a possibly slightly stale, but never structurally broken, tree: arrays only grow, and a node is linked into its
 * parent's child list after its own fields are written.
 */
public final class CallTree {

    /** The root node: the thread. */
    public static final int ROOT = 0;

    private static final int NONE = -1;

    private int size = 1;
    private int[] key = new int[64];
    private int[] parent = new int[64];
    private int[] firstChild = filled(64);
    private int[] nextSibling = filled(64);
    private long[] count = new long[64];
    private long[] inclusive = new long[64];

    /**
     * The child of {@code node} for {@code frameKey}, created if new. Moves the child to the front of its parent's
     * list, so that the callees of a loop are found first.
     *
     * @param node the parent
     * @param frameKey the child's key
     * @return the child's index
     */
    public int child(int node, int frameKey) {
        int first = firstChild[node];
        if (first != NONE && key[first] == frameKey) {
            return first;
        }
        return childSlow(node, frameKey, first);
    }

    private int childSlow(int node, int frameKey, int first) {
        int previous = first;
        for (int c = first == NONE ? NONE : nextSibling[first]; c != NONE; previous = c, c = nextSibling[c]) {
            if (key[c] == frameKey) {
                nextSibling[previous] = nextSibling[c];
                nextSibling[c] = first;
                firstChild[node] = c;
                return c;
            }
        }
        return add(node, frameKey);
    }

    private int add(int node, int frameKey) {
        if (size == key.length) {
            grow();
        }
        int c = size;
        key[c] = frameKey;
        parent[c] = node;
        firstChild[c] = NONE;
        nextSibling[c] = firstChild[node];
        firstChild[node] = c;
        size = c + 1;
        return c;
    }

    private void grow() {
        int n = key.length * 2;
        key = Arrays.copyOf(key, n);
        parent = Arrays.copyOf(parent, n);
        firstChild = Arrays.copyOf(firstChild, n);
        nextSibling = Arrays.copyOf(nextSibling, n);
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

    /** @return the key of {@code node} */
    public int key(int node) {
        return key[node];
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
