package io.lowimpact.coverage.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One source line of a class or source file: how many code units (methods, lambda bodies) have it and how many
 * of them reached it, its branch edges taken and missed, each missed edge described by source line, its hit count
 * and the contexts (tests) that reached it.
 */
final class LineCoverage {

    /** What the line looks like in a report. */
    enum Status {
        /** Reached in every unit that has it, and every branch edge on it taken. */
        COVERED,
        /** Reached, but a branch edge on it or a unit that has it was not. */
        PARTLY,
        /** Never reached. */
        MISSED
    }

    final int line;
    int units;
    int unitsHit;
    int edges;
    int edgesTaken;
    long hits;
    final List<String> missedArcs = new ArrayList<>();
    final List<String> unitsNotRun = new ArrayList<>();
    final Set<String> contexts = new TreeSet<>();
    /** Per branch on this line, the hit count of each edge (left first). */
    final List<long[]> branchHits = new ArrayList<>();

    LineCoverage(int line) {
        this.line = line;
    }

    Status status() {
        if (unitsHit == 0) {
            return Status.MISSED;
        }
        return unitsHit == units && edgesTaken == edges ? Status.COVERED : Status.PARTLY;
    }

    /** Adds another class's view of the same line (a source file's line is the sum of its classes'). */
    void add(LineCoverage other) {
        units += other.units;
        unitsHit += other.unitsHit;
        edges += other.edges;
        edgesTaken += other.edgesTaken;
        hits += other.hits;
        missedArcs.addAll(other.missedArcs);
        unitsNotRun.addAll(other.unitsNotRun);
        contexts.addAll(other.contexts);
        branchHits.addAll(other.branchHits);
    }
}
