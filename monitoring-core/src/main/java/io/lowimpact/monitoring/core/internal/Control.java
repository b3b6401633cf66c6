package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.ErrorHandler;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;

import java.lang.invoke.CallSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Owns all mutable monitoring state and serialises every change behind one lock: tool claims, callbacks, event
 * sets, DISABLE marks and restarts. After each change it recomputes the masks of the affected sites only:
 * a global change touches the sites of the changed events, a local change the sites of one unit, a restart
 * the sites that tool disabled. No user code runs under the lock.
 */
public final class Control {

    /** The one runtime of this JVM (of this class loader). */
    public static final Control INSTANCE = new Control();

    /** Tool ids 0..7: 0..5 for tools, 6 and 7 for the legacy tracing facade. */
    static final int SLOTS = 8;

    private final ReentrantLock lock = new ReentrantLock();
    private final ToolState[] tools = new ToolState[SLOTS];
    private final Dispatcher dispatcher;
    private final Units units = new Units();
    private final List<Runnable> demandListeners = new CopyOnWriteArrayList<>();
    /** Sites of the injection API by event ordinal; bytecode sites are found through {@link #probeClasses}. */
    private final List<List<Site>> sitesByEvent = new ArrayList<>(Event.COUNT);
    /** Instrumented classes by id; replaced whole under the lock, read without it by {@link Bootstrap}. */
    private volatile ProbeClass[] probeClasses = new ProbeClass[0];
    private final ProbeClass.SlotMask wanted = this::wantedMask;

    private Control() {
        for (int i = 0; i < SLOTS; i++) {
            tools[i] = new ToolState(i);
        }
        for (int e = 0; e < Event.COUNT; e++) {
            sitesByEvent.add(new ArrayList<>());
        }
        dispatcher = new Dispatcher(this, tools);
    }

    /** @return the unit registry */
    public Units units() {
        return units;
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
    private ToolState live(int id, ToolHandle handle) {
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
    private ToolState liveOrNull(int id, ToolHandle handle) {
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
        } finally {
            lock.unlock();
        }
        demandChanged();
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
        } finally {
            lock.unlock();
        }
        demandChanged();
    }

    private void clearLocked(ToolState tool) {
        Object[] old = tool.callbacks;
        tool.callbacks = new Object[Event.COUNT];
        tool.globalMask = 0;
        for (Unit unit : tool.localUnits) {
            unit.local[tool.id] = 0;
        }
        tool.localUnits.clear();
        int bit = 1 << tool.id;
        for (Site site : tool.disabled) {
            site.disabled &= ~bit;
        }
        tool.disabled.clear();
        for (int e = 0; e < Event.COUNT; e++) {
            if (old[e] != null) {
                refreshCallbacks(e);
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

    // ---- callbacks and events ----------------------------------------------------------------------------

    Object registerCallback(int id, ToolHandle handle, Event<?> event, Object callback) {
        lock.lock();
        try {
            ToolState tool = live(id, handle);
            Object previous = tool.setCallback(event.ordinal(), callback);
            if (previous != callback) {
                refreshCallbacks(event.ordinal());
            }
            return previous;
        } finally {
            lock.unlock();
        }
    }

    void setEvents(int id, ToolHandle handle, EventSet events) {
        int mask = events.mask() & ~EventSet.ANCILLARY.mask();
        lock.lock();
        try {
            ToolState tool = live(id, handle);
            int changed = tool.globalMask ^ mask;
            if (changed == 0) {
                return;
            }
            tool.globalMask = mask;
            for (int e = 0; e < Event.COUNT; e++) {
                if ((Events.controlBit(Event.ofOrdinal(e)) & changed) != 0) {
                    refreshEvent(e);
                }
            }
            if ((changed & ~mask) != 0) {
                dropStaleMarks(tool);
            }
        } finally {
            lock.unlock();
        }
        demandChanged();
    }

    EventSet getEvents(int id, ToolHandle handle) {
        lock.lock();
        try {
            ToolState tool = liveOrNull(id, handle);
            return tool == null ? EventSet.NONE : EventSet.ofMask(tool.globalMask);
        } finally {
            lock.unlock();
        }
    }

    void setLocalEvents(int id, ToolHandle handle, Unit unit, EventSet events) {
        int mask = events.mask();
        lock.lock();
        try {
            ToolState tool = live(id, handle);
            int changed = unit.local[id] ^ mask;
            if (changed == 0) {
                return;
            }
            unit.local[id] = mask;
            if (mask == 0) {
                tool.localUnits.remove(unit);
            } else {
                tool.localUnits.add(unit);
            }
            for (Site site : unit.sites()) {
                if ((site.controlBit & changed) != 0) {
                    refreshSite(site);
                }
            }
            ProbeClass probeClass = unit.probeClass();
            if (probeClass != null) {
                for (int e = 0; e < Event.COUNT; e++) {
                    Event<?> event = Event.ofOrdinal(e);
                    if ((Events.controlBit(event) & changed) != 0) {
                        probeClass.refreshRange(unit.indexInClass(), event, wanted, this);
                    }
                }
            }
            if ((changed & ~mask) != 0) {
                dropStaleMarks(tool);
            }
        } finally {
            lock.unlock();
        }
        demandChanged();
    }

    EventSet getLocalEvents(int id, ToolHandle handle, Unit unit) {
        lock.lock();
        try {
            ToolState tool = liveOrNull(id, handle);
            return tool == null ? EventSet.NONE : EventSet.ofMask(unit.local[id]);
        } finally {
            lock.unlock();
        }
    }

    // ---- DISABLE and restart -----------------------------------------------------------------------------

    /** A callback of {@code tool} returned DISABLE at {@code site}. Called by the dispatcher, without the lock. */
    void disable(Site site, ToolState tool, Object callback) {
        boolean misuse;
        lock.lock();
        try {
            misuse = site.event.kind() != Event.Kind.LOCAL;
            if (tool.callbacks[site.eventOrdinal] != callback) {
                return; // the tool changed its callback (or was freed) while this one ran
            }
            if (misuse) {
                tool.setCallback(site.eventOrdinal, null);
                refreshCallbacks(site.eventOrdinal);
            } else {
                int bit = 1 << tool.id;
                if ((site.disabled & bit) == 0 && wantedBy(tool, site.unit, site.event)) {
                    site.disabled |= bit;
                    tool.disabled.add(site);
                    refreshSite(site);
                }
            }
        } finally {
            lock.unlock();
        }
        if (misuse) {
            tool.reportError(site.event, site.unit,
                    new IllegalStateException("cannot disable " + site.event.name() + " events; callback removed"));
        }
    }

    void restart(int id, ToolHandle handle) {
        lock.lock();
        try {
            ToolState tool = liveOrNull(id, handle);
            if (tool != null) {
                restartLocked(tool);
            }
        } finally {
            lock.unlock();
        }
    }

    void restartAll() {
        lock.lock();
        try {
            for (ToolState tool : tools) {
                restartLocked(tool);
            }
        } finally {
            lock.unlock();
        }
    }

    private void restartLocked(ToolState tool) {
        int bit = 1 << tool.id;
        List<Site> disabled = tool.disabled;
        for (int i = 0, n = disabled.size(); i < n; i++) {
            Site site = disabled.get(i);
            if ((site.disabled & bit) != 0) {
                site.disabled &= ~bit;
                refreshSite(site);
            }
        }
        disabled.clear();
    }

    /** Drops the tool's marks on sites where it no longer wants the event (S31), and compacts its list. */
    private void dropStaleMarks(ToolState tool) {
        int bit = 1 << tool.id;
        List<Site> kept = new ArrayList<>();
        for (Site site : tool.disabled) {
            if ((site.disabled & bit) == 0) {
                continue;
            }
            if ((effectiveMask(tool, site.unit) & site.controlBit) == 0) {
                site.disabled &= ~bit;
                refreshSite(site);
            } else {
                kept.add(site);
            }
        }
        tool.disabled.clear();
        tool.disabled.addAll(kept);
    }

    // ---- sites -------------------------------------------------------------------------------------------

    /** The site for a location, made on first request. Arguments are already validated. */
    Site site(Unit unit, Event<?> event, int offset, int to, int line, CallTarget target) {
        SiteKey key = new SiteKey(event.ordinal(), offset, to);
        lock.lock();
        try {
            Site site = unit.site(key);
            if (site != null) {
                if (!Objects.equals(site.target, target)) {
                    throw new IllegalArgumentException("a " + event.name() + " probe at offset " + offset
                            + " of code unit " + unit + " already has target " + site.target);
                }
                return site;
            }
            site = new Site(dispatcher, unit, event, offset, to, line, target);
            unit.addSite(key, site);
            sitesByEvent.get(event.ordinal()).add(site);
            refreshSite(site);
            return site;
        } finally {
            lock.unlock();
        }
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
        demandListeners.add(listener);
    }

    /** @return the union of every tool's global events: probe kinds every class needs */
    public int globalDemand() {
        lock.lock();
        try {
            int any = 0;
            for (ToolState tool : tools) {
                any |= tool.inUse ? tool.globalMask : 0;
            }
            return any;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param unit a unit
     * @return the union of the tools' local events for it
     */
    public int localDemand(Unit unit) {
        lock.lock();
        try {
            return unit.localDemand();
        } finally {
            lock.unlock();
        }
    }

    private void demandChanged() {
        for (Runnable listener : demandListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                System.getLogger("io.lowimpact.monitoring").log(System.Logger.Level.WARNING, "demand listener failed", e);
            }
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

    Dispatcher dispatcher() {
        return dispatcher;
    }

    // ---- bytecode probes ---------------------------------------------------------------------------------

    /**
     * Registers an instrumented class: the units of its methods, in the order the instrumenter indexes them.
     *
     * @param classUnits the units
     * @return the class's probe slots, with no slot yet
     */
    public ProbeClass registerClass(List<Unit> classUnits) {
        lock.lock();
        try {
            ProbeClass[] table = probeClasses;
            ProbeClass probeClass = new ProbeClass(table.length, classUnits);
            for (int i = 0; i < classUnits.size(); i++) {
                classUnits.get(i).placeIn(probeClass, i);
            }
            ProbeClass[] grown = java.util.Arrays.copyOf(table, table.length + 1);
            grown[table.length] = probeClass;
            probeClasses = grown;
            return probeClass;
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
     * Makes the class's newly allocated slots readable by its probes, with their current masks.
     *
     * @param probeClass the class
     */
    public void publishSlots(ProbeClass probeClass) {
        lock.lock();
        try {
            probeClass.publish(wanted);
        } finally {
            lock.unlock();
        }
    }

    /** The class of an id that probes pass; null if none. */
    ProbeClass probeClass(int id) {
        ProbeClass[] table = probeClasses;
        return id >= 0 && id < table.length ? table[id] : null;
    }

    /** The site of a bytecode slot, made when it first fires. */
    Site bytecodeSite(ProbeClass probeClass, int slot) {
        lock.lock();
        try {
            return probeClass.siteLocked(slot, this);
        } finally {
            lock.unlock();
        }
    }

    private static int effectiveMask(ToolState tool, Unit unit) {
        return tool.globalMask | unit.local[tool.id];
    }

    /**
     * The mask rule: a tool receives an event at a location when it is in use, the event (for the ancillary events,
     * CALL) is in its global set or in its local set for the location's unit, it has a callback for the event, and
     * it has not DISABLEd that location.
     */
    private static boolean wantedBy(ToolState tool, Unit unit, Event<?> event) {
        return tool.inUse && (effectiveMask(tool, unit) & Events.controlBit(event)) != 0
                && tool.callbacks[event.ordinal()] != null;
    }

    /** The tools that want {@code event} in {@code unit}, before DISABLE marks; caller holds the lock. */
    private int wantedMask(Unit unit, Event<?> event) {
        int mask = 0;
        for (ToolState tool : tools) {
            if (wantedBy(tool, unit, event)) {
                mask |= 1 << tool.id;
            }
        }
        return mask;
    }

    private void refreshEvent(int eventOrdinal) {
        List<Site> sites = sitesByEvent.get(eventOrdinal);
        for (int i = 0, n = sites.size(); i < n; i++) {
            refreshSite(sites.get(i));
        }
        Event<?> event = Event.ofOrdinal(eventOrdinal);
        for (ProbeClass probeClass : probeClasses) {
            probeClass.refresh(event, wanted, this);
        }
    }

    /** Recomputes one site's mask from the tools' state; caller holds the lock. */
    void refreshSite(Site site) {
        site.setMaskLocked(wantedMask(site.unit, site.event) & ~site.disabled);
    }

    /** After a callback of the event changed: publishes the event's callbacks, then recomputes its masks. */
    private void refreshCallbacks(int eventOrdinal) {
        Object[] callbacks = new Object[SLOTS];
        for (ToolState tool : tools) {
            callbacks[tool.id] = tool.inUse ? tool.callbacks[eventOrdinal] : null;
        }
        dispatcher.setCallbacks(eventOrdinal, callbacks); // before the masks, so a tool in a mask finds its callback
        refreshEvent(eventOrdinal);
    }
}
