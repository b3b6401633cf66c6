package io.lowimpact.monitoring.demo;

import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.LineRange;

import java.util.Set;
import java.util.TreeSet;

/** What a coverage tool did not see in a unit: its lines and branch arcs minus those reported. */
final class Missed {

    private Missed() {
    }

    static TreeSet<Integer> lines(CodeUnit unit, Set<Integer> seen) {
        TreeSet<Integer> missed = new TreeSet<>();
        for (LineRange r : unit.lines()) {
            missed.add(r.line());
        }
        missed.removeAll(seen);
        return missed;
    }

    /** Arcs are written {@code "from->to"}, every edge of {@link CodeUnit#branches()}. */
    static TreeSet<String> arcs(CodeUnit unit, Set<String> seen) {
        TreeSet<String> missed = new TreeSet<>();
        for (Branch b : unit.branches()) {
            missed.add(b.from() + "->" + b.left());
            for (int r : b.rights()) {
                missed.add(b.from() + "->" + r);
            }
        }
        missed.removeAll(seen);
        return missed;
    }
}
