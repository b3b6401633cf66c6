package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CountCallback;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.LineRange;
import io.lowimpact.monitoring.Tool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Counts per location, received by a {@link CountCallback} ({@link #callback()}) or by a tool's ordinary callbacks
 * ({@link #listen}), of the units it accepts; checks every count delivered against {@link CountCallback}'s
 * contract ({@link #problems()}). A location is shown as {@code EVENT offset}, with {@code ->to} for an edge and
 * {@code line n} for a line: {@code LINE 4 line 13}, {@code BRANCH_LEFT 6->9}, {@code METHOD_START 0}; a unit's
 * name and descriptor go first when it is {@code named}. A line received through a {@code LineCallback}, which
 * is not given the offset, has {@code ?} for it; {@link #byLine()} shows counted lines the same way.
 */
final class CountTally {
    private static final int UNKNOWN = -2;

    private final Predicate<CodeUnit> units;
    private final boolean named;
    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, Long> byLine = new TreeMap<>();
    private final List<String> deliveries = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    /** Each unit's part of a key, made once (a corpus run delivers millions of events). */
    private final Map<CodeUnit, String> prefixes = new IdentityHashMap<>();
    private final Set<Thread> threads = new HashSet<>();
    private CodeUnit last;

    CountTally(Predicate<CodeUnit> units, boolean named) {
        this.units = units;
        this.named = named;
    }

    /** @return a tally of the units of methods called {@code method}, keys without the unit */
    static CountTally of(String method) {
        return new CountTally(code -> code.methodName().equals(method), false);
    }

    /** @return a tally of every unit, keys naming the unit */
    static CountTally everywhere() {
        return new CountTally(code -> true, true);
    }

    CountCallback callback() {
        return this::count;
    }

    synchronized void count(CodeUnit code, Event<?> event, int offset, int to, int line, long count) {
        String where = key(code, event, offset, to, line);
        boolean edge = event == Event.JUMP || event == Event.BRANCH_LEFT || event == Event.BRANCH_RIGHT;
        if (count < 1) {
            problems.add(where + ": count " + count);
        }
        if (!EventSet.COUNTABLE.contains(event)) {
            problems.add(where + ": an event that cannot be counted");
        }
        if (offset < 0 || offset >= code.length()) {
            problems.add(where + ": offset out of the unit (length " + code.length() + ")");
        }
        if (edge != (to != -1) || edge && (to < 0 || to >= code.length())) {
            problems.add(where + ": to " + to);
        }
        if (event == Event.LINE ? line != lineAt(code, offset) : line != -1) {
            problems.add(where + ": line " + line + ", the unit's line there is " + lineAt(code, offset));
        }
        if (event == Event.METHOD_START && offset != 0) {
            problems.add(where + ": METHOD_START not at 0");
        }
        threads.add(Thread.currentThread());
        if (!units.test(code)) {
            return;
        }
        last = code;
        counts.merge(where, count, Long::sum);
        byLine.merge(event == Event.LINE ? key(code, event, UNKNOWN, to, line) : where, count, Long::sum);
        deliveries.add(where + " x" + count);
    }

    /** Registers callbacks on {@code tool} for every countable event, each run counted 1; none disables. */
    void listen(Tool tool) {
        tool.registerCallback(Event.METHOD_START, (code, offset) -> live(code, Event.METHOD_START, offset, -1, -1));
        tool.registerCallback(Event.METHOD_RETURN,
                (code, offset, value) -> live(code, Event.METHOD_RETURN, offset, -1, -1));
        tool.registerCallback(Event.LINE, (code, line) -> live(code, Event.LINE, UNKNOWN, -1, line));
        tool.registerCallback(Event.INSTRUCTION, (code, offset) -> live(code, Event.INSTRUCTION, offset, -1, -1));
        tool.registerCallback(Event.JUMP, (code, from, to) -> live(code, Event.JUMP, from, to, -1));
        tool.registerCallback(Event.BRANCH_LEFT, (code, from, to) -> live(code, Event.BRANCH_LEFT, from, to, -1));
        tool.registerCallback(Event.BRANCH_RIGHT, (code, from, to) -> live(code, Event.BRANCH_RIGHT, from, to, -1));
    }

    private synchronized Action live(CodeUnit code, Event<?> event, int offset, int to, int line) {
        if (units.test(code)) {
            String where = key(code, event, offset, to, line);
            counts.merge(where, 1L, Long::sum);
            byLine.merge(where, 1L, Long::sum);
            deliveries.add(where + " x1");
        }
        return Action.CONTINUE;
    }

    private String key(CodeUnit code, Event<?> event, int offset, int to, int line) {
        return (named ? prefixes.computeIfAbsent(code, c -> Recorder.unit(c) + c.descriptor() + " ") : "")
                + event.name() + " "
                + (offset == UNKNOWN ? "?" : String.valueOf(offset)) + (to != -1 ? "->" + to : "")
                + (line != -1 ? " line " + line : "");
    }

    static int lineAt(CodeUnit code, int offset) {
        for (LineRange range : code.lines()) {
            if (range.startOffset() <= offset && offset < range.endOffset()) {
                return range.line();
            }
        }
        return -1;
    }

    /** @return the count of each location so far (a copy) */
    synchronized Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    /** @return the counts with the offsets of lines left out, as a live tool's {@link #listen} sees them */
    synchronized Map<String, Long> byLine() {
        return new TreeMap<>(byLine);
    }

    /** @return each delivery, {@code location xcount}, in order */
    synchronized List<String> deliveries() {
        return new ArrayList<>(deliveries);
    }

    /** @return what went against the contract, of every unit */
    synchronized List<String> problems() {
        return new ArrayList<>(problems);
    }

    /** @return the threads that counts were delivered on */
    synchronized Set<Thread> threads() {
        return new HashSet<>(threads);
    }

    /** @return the unit of the last delivery accepted */
    synchronized CodeUnit last() {
        return last;
    }

    synchronized void clear() {
        counts.clear();
        byLine.clear();
        deliveries.clear();
    }
}
