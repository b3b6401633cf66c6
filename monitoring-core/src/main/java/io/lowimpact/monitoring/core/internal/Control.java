package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.ErrorHandler;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;

import java.lang.invoke.CallSite;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Owns all mutable monitoring state and serialises every change behind one lock, and is what the instrumenter talks
 * to. Its own job is tool claims (claim, clear, free, the liveness checks) and the classes' side: registering a
 * class's units and slots, and what probes each unit needs ({@link Demand}). The rest has a class each, all under
 * the same lock: callbacks and event sets in {@link EventSets}; DISABLE, flush and restart in {@link Restarts}
 * (marks in {@link Marks}, deferred hits in {@link Deferral}); the sites and their masks in the {@link SiteRegistry},
 * following the {@link MaskRule}. After each change only the affected sites are recomputed. No user code runs under
 * the lock.
 */
public final class Control {

    /** The one runtime of this JVM (of this class loader). */
    public static final Control INSTANCE = new Control();

    /** Tool ids 0..7: 0..5 for tools, 6 and 7 for the legacy tracing facade. */
    static final int SLOTS = 8;

    /**
     * Where a unit's demand ({@link #unitDemand}) puts the events whose probes may be stores ({@link Deferral}): the
     * event's bit shifted left by this much.
     */
    public static final int DEFERRED_SHIFT = Event.COUNT;

    /**
     * Where a unit's demand puts the events whose probes may be increments (counted events, {@link Deferral}): the
     * event's bit shifted left by this much, in the demand's {@code long}.
     */
    public static final int COUNTED_SHIFT = 32;

    private final ReentrantLock lock = new ReentrantLock();
    private final ToolState[] tools = new ToolState[SLOTS];
    private final Dispatcher dispatcher;
    private final Units units = new Units();
    private final SiteRegistry sites;
    private final Marks marks;
    private final Demand demand;
    private final EventSets events;
    private final Restarts restarts;

    private Control() {
        for (int i = 0; i < SLOTS; i++) {
            tools[i] = new ToolState(i);
        }
        dispatcher = new Dispatcher(this, tools);
        sites = new SiteRegistry(tools, dispatcher);
        marks = new Marks(sites, tools);
        demand = new Demand(tools);
        events = new EventSets(this, lock, tools, dispatcher, sites, marks, demand);
        restarts = new Restarts(this, lock, tools, dispatcher, sites, marks);
    }

    /** @return the unit registry */
    public Units units() {
        return units;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    /** @return callbacks and event sets */
    EventSets events() {
        return events;
    }

    /** @return DISABLE, flush and restart */
    Restarts restarts() {
        return restarts;
    }

    // ---- tools -------------------------------------------------------------------------------------------

    ToolHandle useToolId(int id, String name) {
        lock.lock();
        try {
            ToolState tool = tools[id];
            if (tool.inUse) {
                throw new IllegalStateException("tool " + id + " is already in use by '" + tool.name + "'");
            }
            tool.resetForClaim(name);
            return new ToolHandle(this, id, tool.generation, name, tool.errors);
        } finally {
            lock.unlock();
        }
    }

    Optional<String> getTool(int id) {
        lock.lock();
        try {
            ToolState tool = tools[id];
            return tool.inUse ? Optional.of(tool.name) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** The state of a tool in use; {@code handle} null for the id-based methods. Caller holds the lock. */
    ToolState live(int id, ToolHandle handle) {
        ToolState tool = tools[id];
        if (handle != null) {
            if (!tool.inUse || tool.generation != handle.generation) {
                throw new IllegalStateException(handle.describe() + " has been freed");
            }
        } else if (!tool.inUse) {
            throw new IllegalStateException("tool " + id + " is not in use");
        }
        return tool;
    }

    /** Like {@link #live} but null where the id-based read or no-op methods answer "nothing". */
    ToolState liveOrNull(int id, ToolHandle handle) {
        return handle == null && !tools[id].inUse ? null : live(id, handle);
    }

    void clear(int id, ToolHandle handle) {
        lock.lock();
        try {
            ToolState tool = liveOrNull(id, handle);
            if (tool == null) {
                return;
            }
            clearLocked(tool);
            demand.recompute();
        } finally {
            lock.unlock();
        }
        demand.changed();
    }

    void free(int id, ToolHandle handle) {
        lock.lock();
        try {
            ToolState tool = tools[id];
            if (!tool.inUse || (handle != null && tool.generation != handle.generation)) {
                return;
            }
            clearLocked(tool);
            tool.inUse = false;
            tool.errorHandler = null;
            tool.generation++;
            tool.name = null;
            demand.recompute();
        } finally {
            lock.unlock();
        }
        demand.changed();
    }

    private void clearLocked(ToolState tool) {
        Object[] old = tool.callbacks;
        tool.callbacks = new Object[Event.COUNT];
        tool.globalMask = 0;
        tool.deferredMask = 0;
        int counted = tool.countedMask;
        tool.countedMask = 0;
        tool.counter = null;
        tool.owed.clear();
        for (Unit unit : tool.localUnits) {
            unit.setLocal(tool.id, 0);
        }
        tool.localUnits.clear();
        marks.forget(tool);
        for (int e = 0; e < Event.COUNT; e++) {
            if (old[e] != null || (counted & 1 << e) != 0) {
                events.refreshCallbacks(e); // every site where the tool had a bit: it had a callback there
            }
        }
    }

    void onError(int id, ToolHandle handle, ErrorHandler handler) {
        lock.lock();
        try {
            live(id, handle).errorHandler = handler;
        } finally {
            lock.unlock();
        }
    }

    // ---- sites -------------------------------------------------------------------------------------------

    /** The injection API's site for a location, made on first request. Arguments are already validated. */
    Site site(Unit unit, Event<?> event, int offset, int to, int line, CallTarget target) {
        lock.lock();
        try {
            Site site = sites.injected(unit, event, offset, to, line, target);
            marks.inherit(site); // an ancillary site made after its CALL's DISABLE
            return site;
        } finally {
            lock.unlock();
        }
    }

    CallSite callSiteOf(Site site) {
        lock.lock();
        try {
            return site.callSiteLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Registers an instrumented class: the units of its methods, in the order the instrumenter indexes them.
     *
     * @param classUnits the units
     * @return the class's probe slots, with no slot yet
     */
    public ProbeClass registerClass(List<Unit> classUnits) {
        lock.lock();
        try {
            return sites.register(classUnits);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The slots of one event's probes in one method of a class, allocated the first time (see
     * {@link ProbeClass}); call {@link #publishSlots} once the class's slots are allocated.
     *
     * @param probeClass the class
     * @param unitIndex the method's index among the class's units
     * @param event the event
     * @param offsets each probe's offset (an edge's {@code from}), in emission order
     * @param tos each probe's edge destination, or -1
     * @return the first slot; probe {@code i} has slot {@code first + i}
     */
    public int allocateSlots(ProbeClass probeClass, int unitIndex, Event<?> event, int[] offsets, int[] tos) {
        lock.lock();
        try {
            return probeClass.allocate(unitIndex, event, offsets, tos);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records that a store at one slot of a class means that another slot's location ran too (an edge with no probe
     * of its own, whose destination is a line point only it leads to): a flush that finds {@code slot} hit delivers
     * {@code implied} as well, to the tools that defer its event.
     *
     * @param probeClass the class
     * @param slot the line's slot
     * @param implied the edge's slot
     */
    public void implySlot(ProbeClass probeClass, int slot, int implied) {
        lock.lock();
        try {
            probeClass.imply(slot, implied);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the class's newly allocated slots readable by its probes, with their current masks.
     *
     * @param probeClass the class
     */
    public void publishSlots(ProbeClass probeClass) {
        lock.lock();
        try {
            sites.publish(probeClass);
        } finally {
            lock.unlock();
        }
    }

    /** The class of an id that probes pass; null if none. No lock. */
    ProbeClass probeClass(int id) {
        return sites.probeClass(id);
    }

    /**
     * Sets which classes the agent instruments, for deciding at run time whether a virtual call goes to code
     * that is not instrumented (EXTERNAL_RETURN, EXTERNAL_RAISE).
     *
     * @param instrumented whether a class is instrumented
     */
    public void setInstrumentedClasses(Predicate<Class<?>> instrumented) {
        Externals.setInstrumented(instrumented);
    }

    // ---- demand: which probe kinds classes need -----------------------------------------------------------

    /**
     * Adds a listener told (without the lock held) after any change that may change the probe kinds that
     * classes need: global or local events of any tool, or a tool cleared or freed.
     *
     * @param listener the listener
     */
    public void addDemandListener(Runnable listener) {
        demand.addListener(listener);
    }

    /** @return the union of every tool's global events: probe kinds every class needs */
    public int globalDemand() {
        return demand.global();
    }

    /**
     * What a unit's probes must be now: the events of {@code base} and the tools' local events for the unit;
     * shifted left by {@link #DEFERRED_SHIFT}, those of them that only deferring tools want there, whose probes may
     * be stores; and shifted left by {@link #COUNTED_SHIFT}, those that only counting tools want there, whose probes
     * may be increments (both outside {@code immediate}).
     *
     * @param unit a unit
     * @param base the events every unit gets (the tools' global events, and any the agent installs regardless)
     * @param immediate events whose probes must call the runtime whoever wants them (installed regardless)
     * @return the unit's event mask, with its deferred and counted parts
     */
    public long unitDemand(Unit unit, int base, int immediate) {
        lock.lock();
        try {
            int wanted = base | unit.localDemand();
            int free = wanted & ~immediate;
            return (wanted | Deferral.storeForms(tools, unit, free) << DEFERRED_SHIFT) & 0xFFFFFFFFL
                    | (long) Deferral.countForms(tools, unit, free) << COUNTED_SHIFT;
        } finally {
            lock.unlock();
        }
    }
}
