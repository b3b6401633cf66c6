package io.lowimpact.coverage.internal.data;

/**
 * One conditional branch of a method with the hit count of each of its edges. Edge 0 is the left edge
 * (fall-through, a switch's default), the others the right edges (the jump, a switch's cases) in table order.
 */
public final class BranchRecord {

    private final int from;
    private final int line;
    private final int[] targets;
    private final int[] targetLines;
    private final long[] hits;

    /**
     * @param from offset of the branch instruction
     * @param line source line of the branch instruction, -1 when unknown
     * @param targets destination offset of each edge, left edge first
     * @param targetLines source line of each destination, -1 when unknown
     */
    public BranchRecord(int from, int line, int[] targets, int[] targetLines) {
        if (targets.length < 2 || targets.length != targetLines.length) {
            throw new IllegalArgumentException("branch at offset " + from + " needs at least two edges with a line each");
        }
        this.from = from;
        this.line = line;
        this.targets = targets.clone();
        this.targetLines = targetLines.clone();
        this.hits = new long[targets.length];
    }

    /** @return offset of the branch instruction */
    public int from() {
        return from;
    }

    /** @return source line of the branch instruction */
    public int line() {
        return line;
    }

    /** @return number of edges (at least two) */
    public int edgeCount() {
        return targets.length;
    }

    /** @return destination offset of edge {@code i} */
    public int target(int i) {
        return targets[i];
    }

    /** @return source line of the destination of edge {@code i} */
    public int targetLine(int i) {
        return targetLines[i];
    }

    /** @return how often edge {@code i} was taken (at least 1 when taken, when counting is off) */
    public long hits(int i) {
        return hits[i];
    }

    /** Adds to edge {@code i}'s count. */
    public void addHits(int i, long n) {
        hits[i] += n;
    }

    /** @return the index of the edge to {@code to}, -1 if none; edge 0 only when {@code left} */
    public int edgeTo(int to, boolean left) {
        if (left) {
            return targets[0] == to ? 0 : -1;
        }
        for (int i = 1; i < targets.length; i++) {
            if (targets[i] == to) {
                return i;
            }
        }
        return -1;
    }

    /** @return whether the other record is the same branch (same offsets) */
    boolean sameShape(BranchRecord other) {
        return from == other.from && java.util.Arrays.equals(targets, other.targets);
    }
}
