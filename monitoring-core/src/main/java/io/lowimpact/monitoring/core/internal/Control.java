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
import java.util.function.Supplier;

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
    private final List<List<Site>> sitesByEvent = new ArrayList<>(Event.COUNT);

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
                if ((controlBit(e) & changed) != 0) {
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
            for (Site site : unit.sites.values()) {
                if ((site.controlBit & changed) != 0) {
                    refresh(site);
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
                if ((site.disabled & bit) == 0 && (wantedBy(tool, site))) {
                    site.disabled |= bit;
                    tool.disabled.add(site);
                    refresh(site);
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
                refresh(site);
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
                refresh(site);
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
            Site site = unit.sites.get(key);
            if (site != null) {
                if (!Objects.equals(site.target, target)) {
                    throw new IllegalArgumentException("a " + event.name() + " probe at offset " + offset
                            + " of code unit " + unit + " already has target " + site.target);
                }
                return site;
            }
            site = new Site(dispatcher, unit, event, offset, to, line, target);
            unit.sites.put(key, site);
            sitesByEvent.get(event.ordinal()).add(site);
            refreshWithCallbacks(site);
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

    /** Runs {@code action} under the lock. */
    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    CallSite callSiteOf(Site site) {
        lock.lock();
        try {
            return site.callSiteLocked(site.canonicalType(), false);
        } finally {
            lock.unlock();
        }
    }

    private static int controlBit(int eventOrdinal) {
        return Event.ofOrdinal(eventOrdinal).kind() == Event.Kind.ANCILLARY ? 1 << Event.CALL.ordinal() : 1 << eventOrdinal;
    }

    private static int effectiveMask(ToolState tool, Unit unit) {
        return tool.globalMask | unit.local[tool.id];
    }

    private static boolean wantedBy(ToolState tool, Site site) {
        return tool.inUse && (effectiveMask(tool, site.unit) & site.controlBit) != 0
                && tool.callbacks[site.eventOrdinal] != null;
    }

    private void refreshEvent(int eventOrdinal) {
        List<Site> sites = sitesByEvent.get(eventOrdinal);
        for (int i = 0, n = sites.size(); i < n; i++) {
            refresh(sites.get(i));
        }
    }

    /** Recomputes one site's mask from the tools' state; caller holds the lock. */
    private void refresh(Site site) {
        int mask = 0;
        for (ToolState tool : tools) {
            if (wantedBy(tool, site)) {
                mask |= 1 << tool.id;
            }
        }
        site.setMaskLocked(mask & ~site.disabled);
    }

    /** Copies the tools' callbacks for the site's event into the site, then refreshes its mask; caller holds the lock. */
    private void refreshWithCallbacks(Site site) {
        Object[] callbacks = new Object[SLOTS];
        for (ToolState tool : tools) {
            callbacks[tool.id] = tool.inUse ? tool.callbacks[site.eventOrdinal] : null;
        }
        site.callbacks = callbacks; // before the mask, so that a tool in the mask finds its callback
        refresh(site);
    }

    /** After a callback of the event changed: new callbacks and masks for all its sites. */
    private void refreshCallbacks(int eventOrdinal) {
        List<Site> sites = sitesByEvent.get(eventOrdinal);
        for (int i = 0, n = sites.size(); i < n; i++) {
            refreshWithCallbacks(sites.get(i));
        }
    }
}
