package io.lowimpact.tools.profiler.internal;

/**
 * A copy of one {@link CallTree}: parallel arrays indexed by node, node 0 the root. A node's parent always has a
 * lower index than the node, so one pass in index order visits parents before children.
 */
public final class TreeData {

    private final int size;
    private final int[] key;
    private final int[] parent;
    private final long[] count;
    private final long[] inclusive;

    TreeData(int size, int[] key, int[] parent, long[] count, long[] inclusive) {
        this.size = size;
        this.key = key;
        this.parent = parent;
        this.count = count;
        this.inclusive = inclusive;
    }

    /** @return the number of nodes, the root included */
    public int size() {
        return size;
    }

    /** @return the frame key of a node (meaningless for the root) */
    public int key(int node) {
        return key[node];
    }

    /** @return the parent of a node (meaningless for the root) */
    public int parent(int node) {
        return parent[node];
    }

    /** @return how often the node's path was entered */
    public long count(int node) {
        return count[node];
    }

    /** @return the time spent in the node's path, its callees included */
    public long inclusive(int node) {
        return inclusive[node];
    }

    void addTime(int node, long nanos) {
        inclusive[node] += nanos;
    }

    /** @return each node's self time: its inclusive time minus its children's; the root's is 0 */
    public long[] selfTimes() {
        long[] self = new long[size];
        for (int n = 1; n < size; n++) {
            self[n] += inclusive[n];
            int p = parent[n];
            if (p != CallTree.ROOT) {
                self[p] -= inclusive[n];
            }
        }
        return self;
    }

    /** @return the sum of the inclusive times of the root's children: the thread's recorded time */
    public long total() {
        long t = 0;
        for (int n = 1; n < size; n++) {
            if (parent[n] == CallTree.ROOT) {
                t += inclusive[n];
            }
        }
        return t;
    }
}
