package io.lowimpact.tools.profiler.internal;

import java.util.Arrays;

/**
 * One thread's calling-context tree: a node per distinct path of frames from the thread's first recorded frame,
 * holding how often that path was entered and the time spent in it (inclusive). Node 0 is the root, which stands
 * for the thread itself. Keys are {@link FrameKeys}: a code unit's id, or an external callee's negative key.
 *
 * <p>Each node is one record of four longs in one array (key and parent; first child and next sibling; count;
 * inclusive time), so that finding a node and counting it touch one cache line, not one per field. A node's
 * children are a list that the found child moves to the front of, so that the callees of a loop are found first
 * and nodes made close together stay close together. (An open-addressed table of the whole tree, keyed by parent
 * and key, was tried instead: on javac its lookups missed the cache every time, and took half of the profiler's
 * samples, against a few for this list.) A parent with more than {@value #WIDE} children, though (a visitor's
 * dispatch, an interpreter's loop), would make the list long: its children are also entered in such a table, which
 * finds them when the first child is not the one. In front of both, a small table of the children found recently
 * by (parent, key) answers most lookups whose child is not first. Nothing is allocated but the arrays, which double
 * when full.
 *
 * <p>Written by its thread only, without locks; {@link #copy()} may be called from another thread and then sees
 * a possibly slightly stale, but never structurally broken, tree: the array only grows, and a node's fields are
 * written before {@link #size} counts it.
 */
public final class CallTree {

    /** The root node: the thread. */
    public static final int ROOT = 0;
    /** What {@link #child} gives for a new path once the profiler's {@link PathBudget} is spent. */
    public static final int UNTRACKED = -1;

    private static final int NONE = -1;
    private static final long LOW = 0xFFFF_FFFFL;
    private static final int STRIDE = 4;
    private static final int PAIR = 0;
    private static final int LINKS = 1;
    private static final int COUNT = 2;
    private static final int INCLUSIVE = 3;

    /** A parent with more children than this finds them by table instead of by its list. */
    static final int WIDE = 8;
    private static final int RECENT_BITS = 11;

    private int size = 1;
    /** Per node, at {@code STRIDE * node}: (parent, key), (first child, next sibling), count, inclusive. */
    private long[] nodes = root(64);
    /** Per node, its number of children. */
    private int[] widths = new int[64];
    /** The children of wide parents, by (parent, key). */
    private final LongIntTable wide = new LongIntTable(64);
    /** Children found recently, by the hash of (parent, key): small enough to stay in the processor's cache. */
    private final long[] recentPairs = new long[1 << RECENT_BITS];
    private final int[] recentChildren = newRecent();
    private final PathBudget budget;

    /** A tree with no limit but the heap's. */
    public CallTree() {
        this(PathBudget.of(Long.MAX_VALUE));
    }

    /** @param budget the paths that this tree (and its profiler's other trees) may still make */
    public CallTree(PathBudget budget) {
        this.budget = budget;
    }

    /**
     * The child of {@code node} for {@code frameKey}, created if new and the budget allows. Moves the child to the
     * front of its parent's list.
     *
     * @param node the parent
     * @param frameKey the child's key
     * @return the child's index, or {@link #UNTRACKED} for a new path past the budget
     */
    public int child(int node, int frameKey) {
        long[] a = nodes;
        int first = (int) (a[STRIDE * node + LINKS] >> 32);
        if (first != NONE && (int) a[STRIDE * first + PAIR] == frameKey) {
            return first;
        }
        long pair = pairOf(node, frameKey);
        int h = recentIndex(pair);
        if (recentPairs[h] == pair && recentChildren[h] != NONE) {
            return recentChildren[h];
        }
        int c = childSlow(node, frameKey, first);
        recentPairs[h] = pair;
        recentChildren[h] = c;
        return c;
    }

    private static int recentIndex(long pair) {
        return (int) ((pair * 0x9E3779B97F4A7C15L) >>> (64 - RECENT_BITS));
    }

    private int childSlow(int node, int frameKey, int first) {
        if (widths[node] > WIDE) {
            int c = wide.get(pairOf(node, frameKey));
            return c >= 0 ? c : add(node, frameKey, first);
        }
        long[] a = nodes;
        int previous = first;
        for (int c = first == NONE ? NONE : next(a, first); c != NONE; previous = c, c = next(a, c)) {
            if ((int) a[STRIDE * c + PAIR] == frameKey) {
                setNext(a, previous, next(a, c));
                setNext(a, c, first);
                setFirst(a, node, c);
                return c;
            }
        }
        return add(node, frameKey, first);
    }

    private int add(int node, int frameKey, int first) {
        if (!budget.take()) {
            return UNTRACKED;
        }
        if (STRIDE * (size + 1) > nodes.length) {
            nodes = Arrays.copyOf(nodes, nodes.length * 2);
            widths = Arrays.copyOf(widths, widths.length * 2);
        }
        long[] a = nodes;
        int c = size;
        a[STRIDE * c + PAIR] = pairOf(node, frameKey);
        a[STRIDE * c + LINKS] = ((long) NONE << 32) | (first & LOW);
        setFirst(a, node, c);
        size = c + 1;
        int width = ++widths[node];
        if (width == WIDE + 1) {
            for (int child = c; child != NONE; child = next(a, child)) {
                wide.putNew(a[STRIDE * child + PAIR], child);
            }
        } else if (width > WIDE + 1) {
            wide.putNew(a[STRIDE * c + PAIR], c);
        }
        return c;
    }

    private static int[] newRecent() {
        int[] r = new int[1 << RECENT_BITS];
        Arrays.fill(r, NONE);
        return r;
    }

    private static long pairOf(int node, int frameKey) {
        return ((long) node << 32) | (frameKey & LOW);
    }

    private static int next(long[] a, int n) {
        return (int) a[STRIDE * n + LINKS];
    }

    private static void setNext(long[] a, int n, int sibling) {
        int i = STRIDE * n + LINKS;
        a[i] = (a[i] & ~LOW) | (sibling & LOW);
    }

    private static void setFirst(long[] a, int n, int child) {
        int i = STRIDE * n + LINKS;
        a[i] = ((long) child << 32) | (a[i] & LOW);
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
        a[LINKS] = ((long) NONE << 32) | (NONE & LOW);
        return a;
    }
}
