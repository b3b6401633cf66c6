package io.lowimpact.monitoring.instrument.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The counts of one source of classes (a jar, a JDK module) for docs/reliability.md. */
final class Tally {

    final String source;
    int classes;
    int instrumented;
    int asmNotApplicable;
    int linked;
    int unresolved;
    int skipped;
    final Map<String, Integer> unchanged = new TreeMap<>();
    final List<String> crashed = new ArrayList<>();
    final List<String> broken = new ArrayList<>();

    Tally(String source) {
        this.source = source;
    }

    void add(String className, ClassCheck.Outcome outcome) {
        classes++;
        switch (outcome.kind()) {
            case INSTRUMENTED -> {
                instrumented++;
                if (outcome.reason() != null) {
                    asmNotApplicable++;
                }
            }
            case UNCHANGED -> unchanged.merge(outcome.reason(), 1, Integer::sum);
            case SKIPPED -> skipped++;
            case CRASHED -> crashed.add(className + ": " + outcome.reason());
            case BROKEN -> broken.add(className + ": " + outcome.reason());
        }
    }

    /** The header of {@link #row}. */
    static String header(boolean withLinking) {
        return withLinking
                ? "| jar | classes | instrumented | of which JVM-verified | not linkable here | unchanged (reason) "
                        + "| skipped | crashed | broken |\n|---|---:|---:|---:|---:|---|---:|---:|---:|\n"
                : "| module | classes | instrumented | unchanged (reason) | crashed | broken |\n"
                        + "|---|---:|---:|---|---:|---:|\n";
    }

    /** One row of the report's table. */
    String row(boolean withLinking) {
        StringBuilder reasons = new StringBuilder();
        unchanged.forEach((reason, n) -> reasons.append(reasons.length() == 0 ? "" : "; ").append(n).append(' ')
                .append(reason.replace('|', '/')));
        String unchangedCell = reasons.length() == 0 ? "0" : reasons.toString();
        return withLinking
                ? "| " + source + " | " + classes + " | " + instrumented + " | " + linked + " | " + unresolved + " | "
                        + unchangedCell + " | " + skipped + " | " + crashed.size() + " | " + broken.size() + " |\n"
                : "| " + source + " | " + classes + " | " + instrumented + " | " + unchangedCell + " | "
                        + crashed.size() + " | " + broken.size() + " |\n";
    }

    /** Sums tallies into one row named {@code name}. */
    static Tally total(String name, List<Tally> tallies) {
        Tally t = new Tally(name);
        for (Tally x : tallies) {
            t.classes += x.classes;
            t.instrumented += x.instrumented;
            t.asmNotApplicable += x.asmNotApplicable;
            t.linked += x.linked;
            t.unresolved += x.unresolved;
            t.skipped += x.skipped;
            x.unchanged.forEach((r, n) -> t.unchanged.merge(r, n, Integer::sum));
            t.crashed.addAll(x.crashed);
            t.broken.addAll(x.broken);
        }
        return t;
    }
}
