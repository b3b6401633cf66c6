package io.lowimpact.coverage.internal.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * One method (code unit) of a class: its lines with hit counts and the contexts (tests) that reached each, and
 * its branches. Not thread-safe; the recorder builds these from its own thread-safe counters.
 */
public final class MethodRecord {

    private final String name;
    private final String descriptor;
    private final int[] lines;
    private final long[] lineHits;
    private final BitSet[] lineContexts;
    private final List<BranchRecord> branches;

    /**
     * @param name the method's name
     * @param descriptor its descriptor
     * @param lines its source lines, sorted, distinct
     * @param branches its branches, in offset order
     */
    public MethodRecord(String name, String descriptor, int[] lines, List<BranchRecord> branches) {
        for (int i = 1; i < lines.length; i++) {
            if (lines[i] <= lines[i - 1]) {
                throw new IllegalArgumentException("lines of " + name + descriptor + " must be sorted and distinct: "
                        + Arrays.toString(lines));
            }
        }
        this.name = name;
        this.descriptor = descriptor;
        this.lines = lines.clone();
        this.lineHits = new long[lines.length];
        this.lineContexts = new BitSet[lines.length];
        this.branches = new ArrayList<>(branches);
    }

    /** @return the method's name */
    public String name() {
        return name;
    }

    /** @return the method's descriptor */
    public String descriptor() {
        return descriptor;
    }

    /** @return the key of this method in its class: name and descriptor */
    public String key() {
        return name + descriptor;
    }

    /** @return number of lines */
    public int lineCount() {
        return lines.length;
    }

    /** @return line number {@code i} */
    public int line(int i) {
        return lines[i];
    }

    /** @return the index of a line, or -1 */
    public int indexOfLine(int line) {
        int i = Arrays.binarySearch(lines, line);
        return i < 0 ? -1 : i;
    }

    /** @return hits of line {@code i} */
    public long lineHits(int i) {
        return lineHits[i];
    }

    /** Adds to line {@code i}'s count. */
    public void addLineHits(int i, long n) {
        lineHits[i] += n;
    }

    /** @return the ids of the contexts that reached line {@code i}; empty when none */
    public BitSet lineContexts(int i) {
        return lineContexts[i] == null ? new BitSet() : (BitSet) lineContexts[i].clone();
    }

    /** Records that context {@code context} reached line {@code i}. */
    public void addLineContext(int i, int context) {
        if (lineContexts[i] == null) {
            lineContexts[i] = new BitSet();
        }
        lineContexts[i].set(context);
    }

    /** @return the branches, in offset order */
    public List<BranchRecord> branches() {
        return Collections.unmodifiableList(branches);
    }

    /** @return whether any line of this method was reached */
    public boolean isHit() {
        for (long h : lineHits) {
            if (h > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds another record of the same method into this one.
     *
     * @param other a record of the same method
     * @param contextMap the id in this data set of each context id of {@code other}'s data set
     * @throws IllegalArgumentException if the two disagree on lines or branches
     */
    void mergeFrom(MethodRecord other, int[] contextMap) {
        if (!Arrays.equals(lines, other.lines) || branches.size() != other.branches.size()) {
            throw new IllegalArgumentException("method " + key() + " has other lines or branches in the two data sets");
        }
        for (int i = 0; i < lines.length; i++) {
            lineHits[i] += other.lineHits[i];
            BitSet ctx = other.lineContexts[i];
            if (ctx != null) {
                for (int c = ctx.nextSetBit(0); c >= 0; c = ctx.nextSetBit(c + 1)) {
                    addLineContext(i, contextMap[c]);
                }
            }
        }
        for (int b = 0; b < branches.size(); b++) {
            BranchRecord mine = branches.get(b);
            BranchRecord theirs = other.branches.get(b);
            if (!mine.sameShape(theirs)) {
                throw new IllegalArgumentException("method " + key() + " has another branch at offset " + theirs.from());
            }
            for (int e = 0; e < mine.edgeCount(); e++) {
                mine.addHits(e, theirs.hits(e));
            }
        }
    }

    /** @return a deep copy with contexts renumbered through {@code contextMap} */
    MethodRecord copy(int[] contextMap) {
        List<BranchRecord> copies = new ArrayList<>();
        for (BranchRecord b : branches) {
            int[] targets = new int[b.edgeCount()];
            int[] targetLines = new int[b.edgeCount()];
            for (int e = 0; e < targets.length; e++) {
                targets[e] = b.target(e);
                targetLines[e] = b.targetLine(e);
            }
            copies.add(new BranchRecord(b.from(), b.line(), targets, targetLines));
        }
        MethodRecord copy = new MethodRecord(name, descriptor, lines, copies);
        copy.mergeFrom(this, contextMap);
        return copy;
    }
}
