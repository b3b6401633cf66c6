package io.lowimpact.coverage.internal.runtime;

import io.lowimpact.coverage.internal.data.BranchRecord;
import io.lowimpact.coverage.internal.data.MethodRecord;
import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.LineRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The counters of one code unit: one per line and one per branch edge, laid out from the unit's
 * {@link CodeUnit#lines()} and {@link CodeUnit#branches()} when its first event arrives. Counting is lock-free;
 * recording a line's context takes this object's monitor, once per line and context.
 */
final class UnitHits {

    private final CodeUnit unit;
    private final int[] lines;
    private final AtomicLongArray lineHits;
    private final AtomicLongArray dumpedLineHits;
    private final int[] branchFroms;
    private final int[][] edgeTargets;
    private final int[] edgeBase;
    private final AtomicLongArray edgeHits;
    private final AtomicLongArray dumpedEdgeHits;
    /** Per line, the last context recorded for it: a plain read skips the monitor on repeated hits. */
    private final int[] lastContext;
    private final BitSet[] contexts;

    UnitHits(CodeUnit unit) {
        this.unit = unit;
        TreeSet<Integer> distinct = new TreeSet<>();
        for (LineRange r : unit.lines()) {
            if (r.line() >= 0) {
                distinct.add(r.line());
            }
        }
        lines = distinct.stream().mapToInt(Integer::intValue).toArray();
        lineHits = new AtomicLongArray(lines.length);
        dumpedLineHits = new AtomicLongArray(lines.length);
        lastContext = new int[lines.length];
        Arrays.fill(lastContext, -1);
        contexts = new BitSet[lines.length];
        List<Branch> branches = unit.branches();
        branchFroms = new int[branches.size()];
        edgeTargets = new int[branches.size()][];
        edgeBase = new int[branches.size()];
        int edges = 0;
        for (int b = 0; b < branches.size(); b++) {
            Branch branch = branches.get(b);
            int[] rights = branch.rights();
            int[] targets = new int[rights.length + 1];
            targets[0] = branch.left();
            System.arraycopy(rights, 0, targets, 1, rights.length);
            branchFroms[b] = branch.from();
            edgeTargets[b] = targets;
            edgeBase[b] = edges;
            edges += targets.length;
        }
        edgeHits = new AtomicLongArray(edges);
        dumpedEdgeHits = new AtomicLongArray(edges);
    }

    CodeUnit unit() {
        return unit;
    }

    /** @return the line's index, or -1 if the unit has no such line */
    int lineIndex(int line) {
        int i = Arrays.binarySearch(lines, line);
        return i < 0 ? -1 : i;
    }

    /** Marks a hit of the line: its count becomes 1 if it was 0. */
    void hitLine(int index) {
        lineHits.lazySet(index, 1);
    }

    /** Adds {@code n} hits to the line's count. */
    void countLine(int index, long n) {
        lineHits.getAndAdd(index, n);
    }

    void recordContext(int index, int context) {
        if (lastContext[index] == context) {
            return;
        }
        synchronized (this) {
            if (contexts[index] == null) {
                contexts[index] = new BitSet();
            }
            contexts[index].set(context);
            lastContext[index] = context;
        }
    }

    /** @return the edge's global index, or -1 */
    int edgeIndex(int from, int to, boolean left) {
        int b = Arrays.binarySearch(branchFroms, from);
        if (b < 0) {
            return -1;
        }
        int[] targets = edgeTargets[b];
        if (left) {
            return targets[0] == to ? edgeBase[b] : -1;
        }
        for (int e = 1; e < targets.length; e++) {
            if (targets[e] == to) {
                return edgeBase[b] + e;
            }
        }
        return -1;
    }

    /** Marks a hit of the edge: its count becomes 1 if it was 0. */
    void hitEdge(int index) {
        edgeHits.lazySet(index, 1);
    }

    /** Adds {@code n} hits to the edge's count. */
    void countEdge(int index, long n) {
        edgeHits.getAndAdd(index, n);
    }

    /**
     * The unit's record: lines, branches with the line of each end, the counts since the last snapshot taken with
     * {@code sinceLast}, and every context seen.
     */
    MethodRecord snapshot(boolean sinceLast) {
        List<BranchRecord> branches = new ArrayList<>();
        for (int b = 0; b < branchFroms.length; b++) {
            int[] targets = edgeTargets[b];
            int[] targetLines = new int[targets.length];
            for (int e = 0; e < targets.length; e++) {
                targetLines[e] = lineAt(targets[e]);
            }
            BranchRecord record = new BranchRecord(branchFroms[b], lineAt(branchFroms[b]), targets, targetLines);
            for (int e = 0; e < targets.length; e++) {
                record.addHits(e, take(edgeHits, dumpedEdgeHits, edgeBase[b] + e, sinceLast));
            }
            branches.add(record);
        }
        MethodRecord method = new MethodRecord(unit.methodName(), unit.descriptor(), lines, branches);
        synchronized (this) {
            for (int i = 0; i < lines.length; i++) {
                method.addLineHits(i, take(lineHits, dumpedLineHits, i, sinceLast));
                if (contexts[i] != null) {
                    for (int c = contexts[i].nextSetBit(0); c >= 0; c = contexts[i].nextSetBit(c + 1)) {
                        method.addLineContext(i, c);
                    }
                }
            }
        }
        return method;
    }

    private static long take(AtomicLongArray counts, AtomicLongArray dumped, int i, boolean sinceLast) {
        long now = counts.get(i);
        if (!sinceLast) {
            return now;
        }
        long before = dumped.getAndSet(i, now);
        return now - before;
    }

    private int lineAt(int offset) {
        for (LineRange r : unit.lines()) {
            if (offset >= r.startOffset() && offset < r.endOffset()) {
                return r.line();
            }
        }
        return -1;
    }
}
