package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.LineRange;
import io.lowimpact.monitoring.Position;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A code unit: immutable tables plus, guarded by the {@link Control} lock, each tool's local events and the
 * sites created in it so far.
 */
public final class Unit implements CodeUnit {

    private final int id;
    private final String className;
    private final String methodName;
    private final String descriptor;
    private final List<String> sourceFiles;
    private final int length;
    private final List<Position> positions;
    private final List<LineRange> lines;
    private final List<Branch> branches;
    private final Map<Integer, Branch> branchByFrom = new HashMap<>();

    /** Local event masks by tool id (0..7); guarded by the Control lock. */
    final int[] local = new int[8];
    /** Sites by key; guarded by the Control lock. */
    final Map<SiteKey, Site> sites = new HashMap<>();

    /**
     * Makes a unit. Tables must be valid (sorted, non-overlapping, inside {@code [0, length)}).
     *
     * @param id the unit's id
     * @param className owner
     * @param methodName name
     * @param descriptor descriptor
     * @param sourceFiles files that positions point into
     * @param length number of offsets
     * @param positions position table, sorted
     * @param lines line table, sorted; null to derive it from {@code positions}
     * @param branches branch table
     */
    Unit(int id, String className, String methodName, String descriptor, List<String> sourceFiles, int length,
            List<Position> positions, List<LineRange> lines, List<Branch> branches) {
        this.id = id;
        this.className = className;
        this.methodName = methodName;
        this.descriptor = descriptor;
        this.sourceFiles = List.copyOf(sourceFiles);
        this.length = length;
        this.positions = List.copyOf(positions);
        this.lines = List.copyOf(lines != null ? lines : linesOf(positions));
        this.branches = List.copyOf(branches);
        for (Branch b : branches) {
            branchByFrom.put(b.from(), b);
        }
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

    @Override
    public int id() {
        return id;
    }

    @Override
    public String className() {
        return className;
    }

    @Override
    public String methodName() {
        return methodName;
    }

    @Override
    public String descriptor() {
        return descriptor;
    }

    @Override
    public String sourceFile() {
        return sourceFiles.isEmpty() ? null : sourceFiles.get(0);
    }

    @Override
    public int firstLine() {
        int first = -1;
        for (LineRange r : lines) {
            if (r.line() > 0 && (first == -1 || r.line() < first)) {
                first = r.line();
            }
        }
        return first;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public List<String> sourceFiles() {
        return sourceFiles;
    }

    @Override
    public List<LineRange> lines() {
        return lines;
    }

    @Override
    public List<Position> positions() {
        return positions;
    }

    @Override
    public Optional<Position> positionAt(int offset) {
        int lo = 0;
        int hi = positions.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Position p = positions.get(mid);
            if (offset < p.startOffset()) {
                hi = mid - 1;
            } else if (offset >= p.endOffset()) {
                lo = mid + 1;
            } else {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The line at an offset, from the line table; -1 when none covers it. */
    int lineAt(int offset) {
        for (LineRange r : lines) {
            if (offset >= r.startOffset() && offset < r.endOffset()) {
                return r.line();
            }
        }
        return -1;
    }

    @Override
    public int offsetOf(int sourceIndex, int line, int column) {
        for (Position p : positions) {
            if (p.covers(sourceIndex, line, column)) {
                return p.startOffset();
            }
        }
        return -1;
    }

    @Override
    public List<Branch> branches() {
        return branches;
    }

    Branch branchAt(int from) {
        return branchByFrom.get(from);
    }

    @Override
    public String toString() {
        return className + "." + methodName + descriptor;
    }
}
