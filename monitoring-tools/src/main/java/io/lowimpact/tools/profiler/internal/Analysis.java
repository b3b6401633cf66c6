package io.lowimpact.tools.profiler.internal;

import io.lowimpact.tools.profiler.EdgeStats;
import io.lowimpact.tools.profiler.MethodStats;
import io.lowimpact.tools.profiler.ThreadProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns one thread's copied tree into its figures per method and edge, and into collapsed stacks. */
public final class Analysis {

    private Analysis() {
    }

    /**
     * @param thread the thread's data
     * @param frames the frame names
     * @return the thread's figures
     */
    public static ThreadProfile profile(ThreadData thread, Frames frames) {
        TreeData tree = thread.tree();
        int size = tree.size();
        long[] self = tree.selfTimes();
        // Methods and edges numbered in the order their first node comes, as the tables list them.
        LongIntTable methodIndex = new LongIntTable(1024);
        LongIntTable edgeIndex = new LongIntTable(1024);
        int[] methodOf = new int[size];
        int[] edgeOf = new int[size];
        List<Long> methodKeys = new ArrayList<>();
        List<Long> edgeKeys = new ArrayList<>();
        for (int n = 1; n < size; n++) {
            methodOf[n] = number(methodIndex, tree.key(n), methodKeys);
            int p = tree.parent(n);
            edgeOf[n] = p == CallTree.ROOT ? -1 : number(edgeIndex, edgeKey(tree.key(p), tree.key(n)), edgeKeys);
        }
        boolean[] outermost = new boolean[size];
        boolean[] outermostEdge = new boolean[size];
        markOutermost(tree, methodOf, edgeOf, methodKeys.size(), edgeKeys.size(), outermost, outermostEdge);

        long[] methodCount = new long[methodKeys.size()];
        long[] methodInclusive = new long[methodKeys.size()];
        long[] methodSelf = new long[methodKeys.size()];
        long[] edgeCount = new long[edgeKeys.size()];
        long[] edgeTime = new long[edgeKeys.size()];
        for (int n = 1; n < size; n++) {
            int m = methodOf[n];
            methodCount[m] += tree.count(n);
            methodInclusive[m] += outermost[n] ? tree.inclusive(n) : 0;
            methodSelf[m] += self[n];
            int e = edgeOf[n];
            if (e >= 0) {
                edgeCount[e] += tree.count(n);
                edgeTime[e] += outermostEdge[n] ? tree.inclusive(n) : 0;
            }
        }
        List<MethodStats> methodStats = new ArrayList<>(methodKeys.size());
        for (int m = 0; m < methodKeys.size(); m++) {
            Frames.Frame f = frames.frame((int) (long) methodKeys.get(m));
            methodStats.add(new MethodStats(f.name(), f.descriptor(), f.external(), methodCount[m],
                    methodInclusive[m], methodSelf[m]));
        }
        List<EdgeStats> edgeStats = new ArrayList<>(edgeKeys.size());
        for (int e = 0; e < edgeKeys.size(); e++) {
            long k = edgeKeys.get(e);
            edgeStats.add(new EdgeStats(frames.frame((int) (k >> 32)).label(), frames.frame((int) k).label(),
                    edgeCount[e], edgeTime[e]));
        }
        return new ThreadProfile(thread.threadName(), thread.threadId(), methodStats, edgeStats, thread.events(),
                tree.total(), size - 1);
    }

    /**
     * Marks the nodes that have no ancestor of the same method ({@code outermost}) and no ancestor edge with the same
     * caller and callee ({@code outermostEdge}): only those count in inclusive times, so that recursion is counted
     * once. Methods and edges are given by number ({@code methodOf}, {@code edgeOf}, -1 for no edge).
     */
    private static void markOutermost(TreeData tree, int[] methodOf, int[] edgeOf, int methods, int edges,
            boolean[] outermost, boolean[] outermostEdge) {
        int size = tree.size();
        // Children in index order (a node's parent has a lower index): first child and next sibling.
        int[] first = new int[size];
        int[] next = new int[size];
        Arrays.fill(first, -1);
        for (int n = size - 1; n >= 1; n--) {
            int p = tree.parent(n);
            next[n] = first[p];
            first[p] = n;
        }
        int[] onPath = new int[methods];
        int[] edgesOnPath = new int[edges];
        int[] stack = new int[16];
        int[] cursor = new int[16];
        int depth = 0;
        stack[0] = CallTree.ROOT;
        cursor[0] = first[CallTree.ROOT];
        while (depth >= 0) {
            int c = cursor[depth];
            if (c == -1) {
                int n = stack[depth];
                if (n != CallTree.ROOT) {
                    onPath[methodOf[n]]--;
                    if (edgeOf[n] >= 0) {
                        edgesOnPath[edgeOf[n]]--;
                    }
                }
                depth--;
                continue;
            }
            cursor[depth] = next[c];
            outermost[c] = onPath[methodOf[c]]++ == 0;
            if (edgeOf[c] >= 0) {
                outermostEdge[c] = edgesOnPath[edgeOf[c]]++ == 0;
            }
            depth++;
            if (depth == stack.length) {
                stack = Arrays.copyOf(stack, depth * 2);
                cursor = Arrays.copyOf(cursor, depth * 2);
            }
            stack[depth] = c;
            cursor[depth] = first[c];
        }
    }

    /** @return the number of {@code key} in {@code index}; a new key gets the next one and is added to {@code keys} */
    private static int number(LongIntTable index, long key, List<Long> keys) {
        int i = index.get(key);
        if (i < 0) {
            i = index.size();
            index.putNew(key, i);
            keys.add(key);
        }
        return i;
    }

    private static long edgeKey(int caller, int callee) {
        return ((long) caller << 32) | (callee & 0xffffffffL);
    }

    /**
     * Writes one line {@code frame;frame;frame value} per node with self time, the value its self time in
     * nanoseconds, the first frame {@code [thread name]}. A node whose inclusive time is below {@code minNanos} is
     * folded, with everything under it, into the line of its nearest caller that is not: the lines still add up to
     * the thread's total.
     *
     * @param thread the thread's data
     * @param frames the frame names
     * @param minNanos the least inclusive time of a node that keeps its own line; 0 keeps all
     * @param out where to write
     * @throws IOException if {@code out} does
     */
    public static void collapsed(ThreadData thread, Frames frames, long minNanos, Appendable out) throws IOException {
        TreeData tree = thread.tree();
        int size = tree.size();
        long[] value = tree.selfTimes();
        boolean[] kept = new boolean[size];
        // Parents have lower indexes: going down, a folded node's whole time goes to its nearest kept ancestor.
        int[] target = new int[size];
        for (int n = 1; n < size; n++) {
            int p = tree.parent(n);
            kept[n] = p == CallTree.ROOT || (kept[p] && tree.inclusive(n) >= minNanos);
            if (!kept[n]) {
                target[n] = kept[p] ? p : target[p];
                value[target[n]] += value[n];
                value[n] = 0;
            }
        }
        String root = "[" + clean(thread.threadName()) + "]";
        String[] names = new String[size];
        int[] path = new int[16];
        StringBuilder line = new StringBuilder();
        for (int n = 1; n < size; n++) {
            if (value[n] <= 0) {
                continue;
            }
            int depth = 0;
            for (int a = n; a != CallTree.ROOT; a = tree.parent(a)) {
                if (depth == path.length) {
                    path = Arrays.copyOf(path, depth * 2);
                }
                path[depth++] = a;
            }
            line.setLength(0);
            line.append(root);
            for (int i = depth - 1; i >= 0; i--) {
                int a = path[i];
                if (names[a] == null) {
                    names[a] = clean(frames.frame(tree.key(a)).name());
                }
                line.append(';').append(names[a]);
            }
            line.append(' ').append(value[n]).append('\n');
            out.append(line);
        }
    }

    /** Frame names may hold neither the separator nor line breaks. */
    private static String clean(String name) {
        return name.replace(';', ':').replace('\n', ' ').replace('\r', ' ');
    }
}
