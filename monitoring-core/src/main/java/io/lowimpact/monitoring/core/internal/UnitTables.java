package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.LineRange;
import io.lowimpact.monitoring.Position;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unit's static tables (lines, positions, branches; its call targets are {@link Calls}), kept as arrays of ints and
 * built into the API's objects only when a tool asks for them: a program loads tens of thousands of methods, and most
 * tools never read most of their tables. Positions that are just the line table with a single source index (bytecode
 * without an SMAP) are not stored at all.
 *
 * <p>Immutable, but for the lists it caches once built (benign races: any thread may build an equal list).
 */
final class UnitTables {

    private static final int[] NONE = new int[0];

    /** {@code start, end, line} per range. */
    private final int[] lines;
    /** Seven ints per position, or null when positions are the lines with source index {@link #source}. */
    private final int[] positions;
    private final int source;
    /** Per branch: {@code from, left, number of rights, rights...}. */
    private final int[] branches;

    private volatile List<LineRange> lineList;
    private volatile List<Position> positionList;
    private volatile List<Branch> branchList;

    UnitTables(List<Position> positions, List<LineRange> lines, List<Branch> branches) {
        List<LineRange> ranges = lines != null ? lines : linesOf(positions);
        this.lines = new int[3 * ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            LineRange r = ranges.get(i);
            this.lines[3 * i] = r.startOffset();
            this.lines[3 * i + 1] = r.endOffset();
            this.lines[3 * i + 2] = r.line();
        }
        int shared = derivedSource(positions, ranges);
        this.source = shared;
        if (shared == Integer.MIN_VALUE) {
            this.positions = new int[7 * positions.size()];
            for (int i = 0; i < positions.size(); i++) {
                Position p = positions.get(i);
                System.arraycopy(new int[] {p.startOffset(), p.endOffset(), p.line(), p.endLine(), p.column(),
                    p.endColumn(), p.sourceIndex()}, 0, this.positions, 7 * i, 7);
            }
        } else {
            this.positions = null;
        }
        int size = 0;
        for (Branch b : branches) {
            size += 3 + b.rights().length;
        }
        this.branches = size == 0 ? NONE : new int[size];
        int k = 0;
        for (Branch b : branches) {
            this.branches[k++] = b.from();
            this.branches[k++] = b.left();
            this.branches[k++] = b.rights().length;
            for (int right : b.rights()) {
                this.branches[k++] = right;
            }
        }
    }

    /** The one source index all positions have when they are exactly the line ranges, else MIN_VALUE. */
    private static int derivedSource(List<Position> positions, List<LineRange> ranges) {
        if (positions.size() != ranges.size()) {
            return Integer.MIN_VALUE;
        }
        int source = positions.isEmpty() ? -1 : positions.get(0).sourceIndex();
        for (int i = 0; i < positions.size(); i++) {
            LineRange r = ranges.get(i);
            if (!positions.get(i).equals(Position.ofLine(r.startOffset(), r.endOffset(), r.line(), source))) {
                return Integer.MIN_VALUE;
            }
        }
        return source;
    }

    private static List<LineRange> linesOf(List<Position> positions) {
        List<LineRange> out = new ArrayList<>();
        for (Position p : positions) {
            LineRange last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.line() == p.line() && last.endOffset() == p.startOffset()) {
                out.set(out.size() - 1, new LineRange(last.startOffset(), p.endOffset(), p.line()));
            } else {
                out.add(new LineRange(p.startOffset(), p.endOffset(), p.line()));
            }
        }
        return out;
    }

    List<LineRange> lines() {
        List<LineRange> list = lineList;
        if (list == null) {
            List<LineRange> built = new ArrayList<>(lines.length / 3);
            for (int i = 0; i < lines.length; i += 3) {
                built.add(new LineRange(lines[i], lines[i + 1], lines[i + 2]));
            }
            lineList = list = List.copyOf(built);
        }
        return list;
    }

    List<Position> positions() {
        List<Position> list = positionList;
        if (list == null) {
            List<Position> built = new ArrayList<>();
            if (positions == null) {
                for (int i = 0; i < lines.length; i += 3) {
                    built.add(Position.ofLine(lines[i], lines[i + 1], lines[i + 2], source));
                }
            } else {
                for (int i = 0; i < positions.length; i += 7) {
                    built.add(new Position(positions[i], positions[i + 1], positions[i + 2], positions[i + 3],
                            positions[i + 4], positions[i + 5], positions[i + 6]));
                }
            }
            positionList = list = List.copyOf(built);
        }
        return list;
    }

    List<Branch> branches() {
        List<Branch> list = branchList;
        if (list == null) {
            List<Branch> built = new ArrayList<>();
            for (int k = 0; k < branches.length; k += 3 + branches[k + 2]) {
                built.add(branchAt(k));
            }
            branchList = list = List.copyOf(built);
        }
        return list;
    }

    /** @return the branch whose instruction is at {@code from}, or null */
    Branch branchFrom(int from) {
        for (int k = 0; k < branches.length; k += 3 + branches[k + 2]) {
            if (branches[k] == from) {
                return branchAt(k);
            }
        }
        return null;
    }

    private Branch branchAt(int k) {
        return new Branch(branches[k], branches[k + 1], Arrays.copyOfRange(branches, k + 3, k + 3 + branches[k + 2]));
    }

    /** @return the line of the range that holds {@code offset}, or -1 */
    int lineAt(int offset) {
        for (int i = 0; i < lines.length; i += 3) {
            if (offset >= lines[i] && offset < lines[i + 1]) {
                return lines[i + 2];
            }
        }
        return -1;
    }

    /** @return the first line, -1 if none is known */
    int firstLine() {
        int first = -1;
        for (int i = 2; i < lines.length; i += 3) {
            if (lines[i] > 0 && (first == -1 || lines[i] < first)) {
                first = lines[i];
            }
        }
        return first;
    }
}
