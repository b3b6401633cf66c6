package io.lowimpact.coverage.internal.runtime;

import io.lowimpact.coverage.internal.data.ClassRecord;
import io.lowimpact.coverage.internal.data.DataSet;
import io.lowimpact.coverage.internal.data.MethodRecord;
import io.lowimpact.coverage.internal.data.Session;
import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Tool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coverage tool's callbacks and counters. {@code LINE}, {@code BRANCH_LEFT} and {@code BRANCH_RIGHT} each
 * mark a hit (count 1), and the tool defers them ({@link Tool#setDeferredEvents}): each location is delivered once,
 * at the latest at the next flush, and its probe is a store that calls nothing. With hit counts on, the tool counts
 * them instead ({@link Tool#setCountedEvents}): its probes are increments that call nothing, and each flush delivers
 * how many more times each location ran (a line's count is the number of times control reached one of its line
 * points). Switching to a new context (a test) delivers what ran in the old one, then
 * restarts this tool's events alone ({@link Tool#restartEvents()}), so each context sees every location again and
 * other tools keep their DISABLE marks.
 */
public final class Recorder {

    /** Our own classes, should the monitoring agent instrument them: never recorded. */
    private static final String OWN_PACKAGE = "io.lowimpact.coverage.";

    private final Tool tool;
    private final boolean counts;
    private final ClassFiles classFiles;
    private final long startMillis = System.currentTimeMillis();
    /**
     * Each recorded unit's hits by unit id ({@link CodeUnit#id()} is dense; null for units not seen): a per-test
     * restart delivers thousands of locations, and an array read is cheaper than a hash lookup. Written under
     * {@link #filing}.
     */
    private volatile UnitHits[] byId = new UnitHits[1024];
    private final Object filing = new Object();
    private final Map<String, Integer> contextIds = new LinkedHashMap<>();
    private final List<String> contextNames = new ArrayList<>();
    private volatile int context = -1;
    /** Set by {@link #stop}: the tool's id may be freed after it, so nothing is asked of the tool any more. */
    private volatile boolean stopped;

    /**
     * @param tool the claimed tool
     * @param counts whether to count every hit instead of disabling after the first
     * @param classFiles where class-file CRCs come from
     */
    public Recorder(Tool tool, boolean counts, ClassFiles classFiles) {
        this.tool = tool;
        this.counts = counts;
        this.classFiles = classFiles;
    }

    /** Registers the callbacks and switches on the events. */
    public void start() {
        EventSet events = EventSet.of(Event.LINE).union(EventSet.BRANCH);
        // the deferred or counted set before the events, so that no class gets calls first
        if (counts) {
            tool.setCountedEvents(events, this::onCount);
        } else {
            tool.registerCallback(Event.LINE, this::onLine);
            tool.registerCallback(Event.BRANCH_LEFT, (code, from, to) -> onEdge(code, from, to, true));
            tool.registerCallback(Event.BRANCH_RIGHT, (code, from, to) -> onEdge(code, from, to, false));
            tool.setDeferredEvents(events);
        }
        tool.setEvents(events);
    }

    private Action onLine(CodeUnit code, int line) {
        UnitHits hits = hits(code);
        if (hits == null) {
            return Action.DISABLE;
        }
        int index = hits.lineIndex(line);
        if (index >= 0) {
            hits.hitLine(index);
            inContext(hits, index);
        }
        return Action.DISABLE;
    }

    private Action onEdge(CodeUnit code, int from, int to, boolean left) {
        UnitHits hits = hits(code);
        if (hits == null) {
            return Action.DISABLE;
        }
        int index = hits.edgeIndex(from, to, left);
        if (index >= 0) {
            hits.hitEdge(index);
        }
        return Action.DISABLE;
    }

    private void onCount(CodeUnit code, Event<?> event, int offset, int to, int line, long count) {
        UnitHits hits = hits(code);
        if (hits == null) {
            return;
        }
        if (event == Event.LINE) {
            int index = hits.lineIndex(line);
            if (index >= 0) {
                hits.countLine(index, count);
                inContext(hits, index);
            }
        } else {
            int index = hits.edgeIndex(offset, to, event == Event.BRANCH_LEFT);
            if (index >= 0) {
                hits.countEdge(index, count);
            }
        }
    }

    /** Records that the current context, if any, reached the line. */
    private void inContext(UnitHits hits, int lineIndex) {
        int ctx = context;
        if (ctx >= 0) {
            hits.recordContext(lineIndex, ctx);
        }
    }

    private UnitHits hits(CodeUnit code) {
        UnitHits[] known = byId;
        int id = code.id();
        UnitHits hits = id < known.length ? known[id] : null;
        return hits != null ? hits : firstHits(code);
    }

    /**
     * A unit's first event: its hits, made and filed by id (under a lock of their own, not this object's, which a
     * flush holds while it delivers); null for our own classes, which are never recorded.
     */
    private UnitHits firstHits(CodeUnit code) {
        if (code.className().startsWith(OWN_PACKAGE)) {
            return null;
        }
        synchronized (filing) {
            UnitHits[] known = byId;
            int id = code.id();
            if (id < known.length && known[id] != null) {
                return known[id]; // filed by another thread meanwhile
            }
            if (id >= known.length) {
                known = Arrays.copyOf(known, Math.max(id + 1, 2 * known.length));
            }
            UnitHits hits = new UnitHits(code);
            known[id] = hits;
            byId = known; // publishes the new element, or the grown array
            return hits;
        }
    }

    /**
     * Makes {@code name} the current context; a new name also restarts this tool's events. Null ends the current
     * context without a restart (what runs next is recorded without a context).
     */
    public synchronized void switchContext(String name) {
        flush(); // what ran so far belongs to the context that ends
        if (name == null) {
            context = -1;
            return;
        }
        Integer id = contextIds.get(name);
        if (id == null) {
            id = contextNames.size();
            contextNames.add(name);
            contextIds.put(name, id);
        }
        context = id;
        if (!stopped) {
            tool.restartEvents();
        }
    }

    /** @return the current context's name, or null */
    public synchronized String currentContext() {
        int ctx = context;
        return ctx < 0 ? null : contextNames.get(ctx);
    }

    /**
     * The data recorded so far.
     *
     * @param sinceLast counts since the last snapshot with {@code sinceLast} (for appending to a file), else all
     * @return a new data set with one session
     */
    public synchronized DataSet snapshot(boolean sinceLast) {
        flush();
        DataSet data = new DataSet();
        data.addSession(new Session(sessionId(), startMillis, System.currentTimeMillis()));
        for (String name : contextNames) {
            data.context(name);
        }
        Map<String, ClassRecord> classes = new LinkedHashMap<>();
        List<ClassRecord> copies = new ArrayList<>();
        for (UnitHits hits : byId) {
            if (hits == null) {
                continue;
            }
            CodeUnit unit = hits.unit();
            MethodRecord method = hits.snapshot(sinceLast);
            ClassRecord c = classes.computeIfAbsent(unit.className(),
                    name -> new ClassRecord(name, classFiles.crcOf(name), unit.sourceFile()));
            if (c.method(method.name(), method.descriptor()) == null) {
                c.add(method);
            } else {
                // The same class defined by a second class loader: its hits add to the first copy's.
                ClassRecord copy = new ClassRecord(c.name(), c.crc(), c.sourceFile());
                copy.add(method);
                copies.add(copy);
            }
        }
        classes.values().forEach(data::add);
        for (ClassRecord copy : copies) {
            DataSet one = new DataSet();
            contextNames.forEach(one::context);
            one.add(copy);
            data.mergeFrom(one);
        }
        return data;
    }

    /** Delivers what ran so far, then stops the events and unregisters the callbacks; the counters stay readable. */
    public synchronized void stop() {
        flush();
        stopped = true;
        tool.clear();
    }

    /** Delivers the deferred events that ran so far, while recording. */
    private void flush() {
        if (!stopped) {
            tool.flushEvents();
        }
    }

    private static String sessionId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + "/" + ProcessHandle.current().pid();
    }
}
