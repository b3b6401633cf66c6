package io.lowimpact.tools.profiler.internal;

import io.lowimpact.tools.profiler.EdgeStats;
import io.lowimpact.tools.profiler.MethodStats;
import io.lowimpact.tools.profiler.ThreadProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        boolean[] outermost = new boolean[size];
        boolean[] outermostEdge = new boolean[size];
        markOutermost(tree, outermost, outermostEdge);

        Map<Integer, long[]> methods = new LinkedHashMap<>();  // key -> count, inclusive, self
        Map<Long, long[]> edges = new LinkedHashMap<>();       // caller key, callee key -> count, time
        for (int n = 1; n < size; n++) {
            long[] m = methods.computeIfAbsent(tree.key(n), k -> new long[3]);
            m[0] += tree.count(n);
            m[1] += outermost[n] ? tree.inclusive(n) : 0;
            m[2] += self[n];
            int p = tree.parent(n);
            if (p != CallTree.ROOT) {
                long[] e = edges.computeIfAbsent(edgeKey(tree.key(p), tree.key(n)), k -> new long[2]);
                e[0] += tree.count(n);
                e[1] += outermostEdge[n] ? tree.inclusive(n) : 0;
            }
        }
        List<MethodStats> methodStats = new ArrayList<>();
        methods.forEach((k, m) -> {
            Frames.Frame f = frames.frame(k);
            methodStats.add(new MethodStats(f.name(), f.descriptor(), f.external(), m[0], m[1], m[2]));
        });
        List<EdgeStats> edgeStats = new ArrayList<>();
        edges.forEach((k, e) -> edgeStats.add(new EdgeStats(frames.frame((int) (k >> 32)).label(),
                frames.frame((int) (long) k).label(), e[0], e[1])));
        return new ThreadProfile(thread.threadName(), thread.threadId(), methodStats, edgeStats, thread.events(),
                tree.total(), size - 1);
    }

    /**
     * Marks the nodes that have no ancestor of the same key ({@code outermost}) and no ancestor edge with the same
     * caller and callee keys ({@code outermostEdge}): only those count in inclusive times, so that recursion is
     * counted once.
     */
    private static void markOutermost(TreeData tree, boolean[] outermost, boolean[] outermostEdge) {
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
        Map<Integer, Integer> onPath = new HashMap<>();
        Map<Long, Integer> edgesOnPath = new HashMap<>();
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
                    onPath.merge(tree.key(n), -1, Integer::sum);
                    if (tree.parent(n) != CallTree.ROOT) {
                        edgesOnPath.merge(edgeKey(tree.key(tree.parent(n)), tree.key(n)), -1, Integer::sum);
                    }
                }
                depth--;
                continue;
            }
            cursor[depth] = next[c];
            outermost[c] = onPath.getOrDefault(tree.key(c), 0) == 0;
            onPath.merge(tree.key(c), 1, Integer::sum);
            int p = tree.parent(c);
            if (p != CallTree.ROOT) {
                long e = edgeKey(tree.key(p), tree.key(c));
                outermostEdge[c] = edgesOnPath.getOrDefault(e, 0) == 0;
                edgesOnPath.merge(e, 1, Integer::sum);
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
