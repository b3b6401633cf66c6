package io.lowimpact.monitoring;

import io.lowimpact.monitoring.spi.MonitoringRuntime;

import java.lang.reflect.Proxy;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The entry point: tool ids, callbacks, event sets, restart and probes, after CPython's {@code sys.monitoring}.
 *
 * <pre>{@code
 * Tool coverage = Monitoring.useToolId(Monitoring.COVERAGE_ID, "coverage");
 * coverage.registerCallback(Event.LINE, (code, line) -> {
 *     covered.add(code.id() + ":" + line);
 *     return Action.DISABLE;            // this line is known now: stop paying for it
 * });
 * coverage.setEvents(EventSet.of(Event.LINE));
 * ...
 * coverage.restartEvents();             // next test: see every line again, other tools untouched
 * }</pre>
 *
 * <p>The class binds once to the implementation in {@code monitoring-core}, found with {@link ServiceLoader}.
 * Without it on the class path, every method that needs it throws {@link IllegalStateException} saying so.
 *
 * <p>Every method taking a tool id rejects one outside {@code 0..5} with {@link IllegalArgumentException}.
 * Methods that change a tool's state throw {@link IllegalStateException} when the id is not in use.
 */
public final class Monitoring {

    /** The tool id conventionally used by debuggers. */
    public static final int DEBUGGER_ID = 0;
    /** The tool id conventionally used by coverage tools. */
    public static final int COVERAGE_ID = 1;
    /** The tool id conventionally used by profilers. */
    public static final int PROFILER_ID = 2;
    /** The tool id conventionally used by optimizers. */
    public static final int OPTIMIZER_ID = 5;
    /** The lowest tool id. */
    public static final int MIN_TOOL_ID = 0;
    /** The highest tool id that tools can claim; 6 and 7 belong to the legacy tracing facade. */
    public static final int MAX_TOOL_ID = 5;

    /** Returned by a callback to stop the event at this location: the same as {@link Action#DISABLE}. */
    public static final Action DISABLE = Action.DISABLE;

    /** The value passed where there is none: the return value of a {@code void} method, a call's absent argument. */
    public static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "MISSING";
        }
    };

    static final String NO_RUNTIME = "no Lowimpact runtime found: add io.lowimpact:monitoring-core to the class path,"
            + " or run with the monitoring agent";

    private static final MonitoringRuntime RUNTIME = bind();

    private Monitoring() {
    }

    static MonitoringRuntime runtime() {
        return RUNTIME;
    }

    private static MonitoringRuntime bind() {
        ClassLoader loader = Monitoring.class.getClassLoader();
        try {
            Iterator<MonitoringRuntime> it = ServiceLoader.load(MonitoringRuntime.class,
                    loader != null ? loader : ClassLoader.getSystemClassLoader()).iterator();
            if (it.hasNext()) {
                return it.next();
            }
            return missing(null);
        } catch (ServiceConfigurationError e) {
            return missing(e);
        }
    }

    private static MonitoringRuntime missing(Throwable cause) {
        return (MonitoringRuntime) Proxy.newProxyInstance(MonitoringRuntime.class.getClassLoader(),
                new Class<?>[] {MonitoringRuntime.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "toString":
                            return "MissingRuntime";
                        case "hashCode":
                            return 0;
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new IllegalStateException(NO_RUNTIME, cause);
                    }
                });
    }

    /**
     * Claims a tool id.
     *
     * @param id 0 to 5
     * @param name the tool's name, not blank
     * @return the handle of the tool
     * @throws IllegalArgumentException if the id is out of range or the name null or blank
     * @throws IllegalStateException if the id is in use ({@code "tool 1 is already in use by 'coverage'"})
     */
    public static Tool useToolId(int id, String name) {
        return RUNTIME.useToolId(id, name);
    }

    /**
     * @param id 0 to 5
     * @return the name of the tool that holds the id, empty when it is free
     */
    public static Optional<String> getTool(int id) {
        return RUNTIME.getTool(id);
    }

    /**
     * Unregisters all of the tool's callbacks, sets its events to none, drops its local events and DISABLE marks.
     * Does nothing on a free id.
     *
     * @param id 0 to 5
     */
    public static void clearToolId(int id) {
        RUNTIME.clearToolId(id);
    }

    /**
     * {@link #clearToolId(int)}, then frees the id; handles of the tool become invalid. Does nothing on a free id.
     *
     * @param id 0 to 5
     */
    public static void freeToolId(int id) {
        RUNTIME.freeToolId(id);
    }

    /**
     * Registers a tool's callback for one event.
     *
     * @param id 0 to 5, in use
     * @param event the event
     * @param callback the callback, or null to unregister
     * @param <C> the event's callback type
     * @return the previous callback, or null
     */
    public static <C> C registerCallback(int id, Event<C> event, C callback) {
        return RUNTIME.registerCallback(id, event, callback);
    }

    /**
     * Sets a tool's global events. Takes effect at once, for all threads.
     *
     * @param id 0 to 5, in use
     * @param events the events
     * @throws IllegalArgumentException if {@code EXTERNAL_RETURN} or {@code EXTERNAL_RAISE} is set without {@code CALL}
     * @throws IllegalStateException if the id is not in use
     */
    public static void setEvents(int id, EventSet events) {
        RUNTIME.setEvents(id, events);
    }

    /**
     * @param id 0 to 5
     * @return the tool's global events; empty for a free id
     */
    public static EventSet getEvents(int id) {
        return RUNTIME.getEvents(id);
    }

    /**
     * Sets a tool's local events for one code unit; they add to its global events.
     *
     * @param id 0 to 5, in use
     * @param code the unit
     * @param events local events only
     * @throws IllegalArgumentException if the set holds a global event
     */
    public static void setLocalEvents(int id, CodeUnit code, EventSet events) {
        RUNTIME.setLocalEvents(id, code, events);
    }

    /**
     * @param id 0 to 5
     * @param code the unit
     * @return what was set for the unit, empty when never set or for a free id
     */
    public static EventSet getLocalEvents(int id, CodeUnit code) {
        return RUNTIME.getLocalEvents(id, code);
    }

    /**
     * Re-enables every location that this tool has disabled, and nothing of any other tool. Costs in proportion
     * to the number of locations the tool disabled. Deferred events recorded before the call are delivered first
     * ({@link #setDeferredEvents}).
     *
     * @param id 0 to 5
     */
    public static void restartEvents(int id) {
        RUNTIME.restartEvents(id);
    }

    /**
     * Lets the runtime deliver some of a tool's events late: what a tool that only needs to know <em>which</em>
     * locations ran (coverage) asks for, so that those locations cost almost nothing.
     *
     * <p>For an event in this set, the tool receives the event of each location that ran once, and then the location
     * is disabled for the tool as if its callback had returned {@link Action#DISABLE}, whatever it returned, until
     * {@link #restartEvents(int) restartEvents}. The event is delivered when it happens or later, but at the latest
     * before {@link #flushEvents(int) flushEvents} or {@code restartEvents} of this tool returns, on the thread
     * that calls it; so the callback learns the location, not the moment, the thread or the order. Events the tool
     * has not switched on ({@link #setEvents}, {@link #setLocalEvents}) are not delivered, deferred or not.
     *
     * <p>Only the events that carry no value can be deferred: {@code METHOD_START}, {@code LINE},
     * {@code INSTRUCTION}, {@code JUMP}, {@code BRANCH_LEFT} and {@code BRANCH_RIGHT}. Where only deferring tools
     * want such an event, a bytecode probe is a single store into an array and never calls the runtime (class files
     * of version 55 and later; older ones deliver at once). Changing the set first delivers what ran so far, as
     * {@link #flushEvents(int) flushEvents} does.
     *
     * @param id 0 to 5, in use
     * @param events the events to defer; empty for none (the default)
     * @throws IllegalArgumentException if the set holds an event that carries a value
     * @throws IllegalStateException if the id is not in use
     */
    public static void setDeferredEvents(int id, EventSet events) {
        RUNTIME.setDeferredEvents(id, events);
    }

    /**
     * @param id 0 to 5
     * @return the tool's deferred events; empty for a free id
     */
    public static EventSet getDeferredEvents(int id) {
        return RUNTIME.getDeferredEvents(id);
    }

    /**
     * Lets the runtime count some of a tool's events instead of delivering each: what a tool that needs to know how
     * many times each location ran (hit counts, a line profiler) asks for, so that counting costs almost no more than
     * coverage.
     *
     * <p>For an event in this set, {@code callback} receives, for each location, counts that add up to the number of
     * times the location ran while the tool wanted the event there ({@link #setEvents}, {@link #setLocalEvents}):
     * with a count of 1 when the location runs, where its probe calls the runtime, and otherwise later, in sums, at
     * the latest before {@link #flushEvents(int) flushEvents} or {@link #restartEvents(int) restartEvents} of this
     * tool returns, on the thread that calls it. A counted location is never disabled, and the event's own callback
     * is not called for the tool (it need not be registered). The events that can be counted are those of
     * {@link EventSet#COUNTABLE}: {@code METHOD_START}, {@code LINE}, {@code INSTRUCTION}, {@code JUMP},
     * {@code BRANCH_LEFT}, {@code BRANCH_RIGHT} and {@code METHOD_RETURN} (a count has no return value); an event is
     * deferred or counted, not both.
     *
     * <p>Where only counting tools want such an event, a bytecode probe is an increment of an array element and never
     * calls the runtime (class files of version 55 and later). Such increments are plain, as JaCoCo's stores are:
     * two threads that run one location at the same moment may count it once, and what another thread counted is
     * delivered by a flush that happens after it in the Java memory model's sense. Changing the set, or switching a
     * counted event on or off with {@code setEvents} or {@code setLocalEvents}, first delivers what was counted so
     * far, as {@code flushEvents} does.
     *
     * @param id 0 to 5, in use
     * @param events the events to count; empty for none (the default)
     * @param callback receives the counts; may be null only when {@code events} is empty
     * @throws IllegalArgumentException if the set holds an event outside {@link EventSet#COUNTABLE} or one the tool
     *         defers
     * @throws NullPointerException if {@code events} is null, or {@code callback} is null for a non-empty set
     * @throws IllegalStateException if the id is not in use
     */
    public static void setCountedEvents(int id, EventSet events, CountCallback callback) {
        RUNTIME.setCountedEvents(id, events, callback);
    }

    /**
     * @param id 0 to 5
     * @return the tool's counted events; empty for a free id
     */
    public static EventSet getCountedEvents(int id) {
        return RUNTIME.getCountedEvents(id);
    }

    /**
     * Delivers the deferred events and the counts recorded so far ({@link #setDeferredEvents},
     * {@link #setCountedEvents}), on this thread, before returning.
     * Other deferring tools may receive theirs in the same pass. A callback of this tool that calls this method
     * receives nothing from it: its own events wait for the next flush.
     *
     * @param id 0 to 5, in use
     * @throws IllegalStateException if the id is not in use
     */
    public static void flushEvents(int id) {
        RUNTIME.flushEvents(id);
    }

    /** Re-enables every disabled location of every tool (CPython's {@code restart_events()}). */
    public static void restartEvents() {
        RUNTIME.restartEvents();
    }

    /**
     * The probe of one location of a unit, for events that are not edges or calls.
     *
     * @param code the unit
     * @param event any event but {@code JUMP}, {@code BRANCH_*}, {@code CALL} and {@code EXTERNAL_*}
     * @param offset an offset of the unit; for {@code LINE}, one that has a line
     * @return the probe, the same for the same location
     * @throws IllegalArgumentException if the event needs an edge or a call target, or the offset is outside the unit
     */
    public static Probe probe(CodeUnit code, Event<?> event, int offset) {
        return RUNTIME.probe(code, event, offset);
    }

    /**
     * The probe of one edge: {@code JUMP} between any two offsets, {@code BRANCH_LEFT}/{@code BRANCH_RIGHT} on an
     * edge of {@link CodeUnit#branches()}.
     *
     * @param code the unit
     * @param event {@code JUMP}, {@code BRANCH_LEFT} or {@code BRANCH_RIGHT}
     * @param from the jumping offset
     * @param to the destination
     * @return the probe, the same for the same edge
     * @throws IllegalArgumentException if the event is not an edge event or the edge is not in the unit
     */
    public static Probe probe(CodeUnit code, Event<?> event, int from, int to) {
        return RUNTIME.probe(code, event, from, to);
    }

    /**
     * The probe of one call location.
     *
     * @param code the unit
     * @param event {@code CALL}, {@code EXTERNAL_RETURN} or {@code EXTERNAL_RAISE}
     * @param offset an offset of the unit
     * @param target what is called there
     * @return the probe, the same for the same location
     * @throws IllegalArgumentException if the event is not a call event, the offset is outside the unit, or a
     *         probe for that location exists with another target
     */
    public static Probe probe(CodeUnit code, Event<?> event, int offset, CallTarget target) {
        return RUNTIME.probe(code, event, offset, target);
    }
}
