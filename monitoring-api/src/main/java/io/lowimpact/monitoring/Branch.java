package io.lowimpact.monitoring;

import java.util.Arrays;

/**
 * One conditional branch of a code unit, with all of its edges: {@link Event#BRANCH_LEFT} goes
 * {@code from -> left} (fall-through, or a switch's default), {@link Event#BRANCH_RIGHT} goes
 * {@code from -> rights[i]} (the jump of an {@code if}, or a switch's case labels, in table order, each once).
 */
public final class Branch {

    private final int from;
    private final int left;
    private final int[] rights;

    /**
     * @param from offset of the branch instruction, &gt;= 0
     * @param left where control goes when it does not jump, &gt;= 0
     * @param rights where it goes when it jumps; at least one, each &gt;= 0
     * @throws IllegalArgumentException on a negative offset or no right edge
     */
    public Branch(int from, int left, int... rights) {
        if (from < 0 || left < 0) {
            throw new IllegalArgumentException("invalid branch " + from + " -> " + left + " (offsets must be >= 0)");
        }
        if (rights == null || rights.length == 0) {
            throw new IllegalArgumentException("branch at offset " + from + " has no right edge");
        }
        for (int r : rights) {
            if (r < 0) {
                throw new IllegalArgumentException("invalid branch " + from + " -> " + r + " (offsets must be >= 0)");
            }
        }
        this.from = from;
        this.left = left;
        this.rights = rights.clone();
    }

    /** @return offset of the branch instruction */
    public int from() {
        return from;
    }

    /** @return destination of the left (not taken, default) edge */
    public int left() {
        return left;
    }

    /** @return destinations of the right (taken, case) edges; a copy */
    public int[] rights() {
        return rights.clone();
    }

    /**
     * @param to an offset
     * @return whether {@code from -> to} is one of this branch's right edges
     */
    public boolean hasRight(int to) {
        for (int r : rights) {
            if (r == to) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Branch && ((Branch) o).from == from && ((Branch) o).left == left
                && Arrays.equals(((Branch) o).rights, rights);
    }

    @Override
    public int hashCode() {
        return (from * 31 + left) * 31 + Arrays.hashCode(rights);
    }

    @Override
    public String toString() {
        return "Branch(" + from + ", left=" + left + ", rights=" + Arrays.toString(rights) + ")";
    }
}
