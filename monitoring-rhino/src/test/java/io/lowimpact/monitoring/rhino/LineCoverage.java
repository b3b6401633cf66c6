package io.lowimpact.monitoring.rhino;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.LineRange;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A line-coverage tool on the public API only: records each line once and DISABLEs it; reports a source's covered
 * and missed lines from the line tables of its units ({@link RhinoMonitoring#units(String)}).
 */
final class LineCoverage implements AutoCloseable {

    private final Tool tool;
    /** {@code "source:line"} of every line seen since the last {@link #reset()}. */
    private final Set<String> covered = ConcurrentHashMap.newKeySet();
    /** {@code "unit id:line"} of every location delivered since the last reset; a line may be in several units. */
    private final Set<String> locations = ConcurrentHashMap.newKeySet();
    private int deliveries;

    LineCoverage() {
        tool = Monitoring.useToolId(Monitoring.COVERAGE_ID, "line coverage");
        tool.registerCallback(Event.LINE, (code, line) -> {
            deliveries++;
            covered.add(code.sourceFile() + ":" + line);
            locations.add(code.id() + ":" + line);
            return Action.DISABLE;
        });
        tool.setEvents(EventSet.of(Event.LINE));
    }

    /** Starts a new context: forgets what was seen and restarts this tool's lines only. */
    void reset() {
        covered.clear();
        locations.clear();
        deliveries = 0;
        tool.restartEvents();
    }

    /** @return how many LINE events reached this tool since the last reset */
    int deliveries() {
        return deliveries;
    }

    /** @return how many distinct (unit, line) locations were delivered since the last reset */
    int locations() {
        return locations.size();
    }

    SortedSet<Integer> covered(String source) {
        SortedSet<Integer> lines = new TreeSet<>();
        for (int line : executable(source)) {
            if (covered.contains(source + ":" + line)) {
                lines.add(line);
            }
        }
        return lines;
    }

    SortedSet<Integer> missed(String source) {
        SortedSet<Integer> lines = executable(source);
        lines.removeAll(covered(source));
        return lines;
    }

    /** @return every line of the source's units */
    static SortedSet<Integer> executable(String source) {
        SortedSet<Integer> lines = new TreeSet<>();
        List<CodeUnit> units = RhinoMonitoring.units(source);
        for (CodeUnit unit : units) {
            for (LineRange range : unit.lines()) {
                lines.add(range.line());
            }
        }
        return lines;
    }

    @Override
    public void close() {
        tool.close();
    }
}
