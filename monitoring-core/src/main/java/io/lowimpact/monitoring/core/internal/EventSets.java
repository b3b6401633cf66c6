package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CountCallback;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;

/**
 * The tools' callbacks and event sets: global, local per unit, and deferred. Each change is made under the Control
 * lock; then only the affected sites are recomputed ({@link SiteRegistry}, following the {@link MaskRule}), a new
 * callback table reaches the dispatcher before any mask lets the tool in, and the demand listeners ({@link Demand})
 * hear of it once the lock is released, so that the agent can retransform what needs other probes.
 */
final class EventSets {

    private final Control control;
    private final ReentrantLock lock;
    private final ToolState[] tools;
    private final Dispatcher dispatcher;
    private final SiteRegistry sites;
    private final Marks marks;
    private final Demand demand;

    EventSets(Control control, ReentrantLock lock, ToolState[] tools, Dispatcher dispatcher, SiteRegistry sites,
            Marks marks, Demand demand) {
        this.control = control;
        this.lock = lock;
        this.tools = tools;
        this.dispatcher = dispatcher;
        this.sites = sites;
        this.marks = marks;
        this.demand = demand;
    }

    Object registerCallback(int id, ToolHandle handle, Event<?> event, Object callback) {
        lock.lock();
        try {
            ToolState tool = control.live(id, handle);
            Object previous = tool.setCallback(event.ordinal(), callback);
            if (previous != callback) {
                refreshCallbacks(event.ordinal());
            }
            return previous;
        } finally {
            lock.unlock();
        }
    }

    /** After a callback of the event changed: publishes the event's callbacks, then recomputes its masks. */
    void refreshCallbacks(int eventOrdinal) {
        Object[] callbacks = new Object[Control.SLOTS];
        for (ToolState tool : tools) {
            callbacks[tool.id] = tool.inUse ? tool.dispatched(eventOrdinal) : null;
        }
        dispatcher.setCallbacks(eventOrdinal, callbacks); // before the masks, so a tool in a mask finds its callback
        sites.refreshEvent(Event.ofOrdinal(eventOrdinal));
    }

    void setEvents(int id, ToolHandle handle, EventSet events) {
        int mask = events.mask() & ~EventSet.ANCILLARY.mask();
        flushIfCounted(id, handle, tools[id].globalMask ^ mask);
        lock.lock();
        try {
            ToolState tool = control.live(id, handle);
            int changed = tool.globalMask ^ mask;
            if (changed == 0) {
                return;
            }
            tool.globalMask = mask;
            demand.recompute();
            for (int e = 0; e < Event.COUNT; e++) {
                Event<?> event = Event.ofOrdinal(e);
                if ((Events.controlBit(event) & changed) != 0) {
                    sites.refreshEvent(event);
                }
            }
            if ((changed & ~mask) != 0) {
                marks.dropStale(tool);
            }
        } finally {
            lock.unlock();
        }
        demand.changed();
    }

    EventSet getEvents(int id, ToolHandle handle) {
        return read(id, handle, tool -> tool.globalMask);
    }

    void setLocalEvents(int id, ToolHandle handle, Unit unit, EventSet events) {
        int mask = events.mask();
        flushIfCounted(id, handle, unit.local(id) ^ mask);
        lock.lock();
        try {
            ToolState tool = control.live(id, handle);
            int changed = unit.local(id) ^ mask;
            if (changed == 0) {
                return;
            }
            unit.setLocal(id, mask);
            if (mask == 0) {
                tool.localUnits.remove(unit);
            } else {
                tool.localUnits.add(unit);
            }
            sites.refreshUnit(unit, changed);
            if ((changed & ~mask) != 0) {
                marks.dropStale(tool);
            }
        } finally {
            lock.unlock();
        }
        demand.changed();
    }

    EventSet getLocalEvents(int id, ToolHandle handle, Unit unit) {
        return read(id, handle, tool -> unit.local(id));
    }

    void setDeferred(int id, ToolHandle handle, EventSet events) {
        int mask = events.mask();
        control.restarts().flush(id, handle); // what ran while deferred is delivered as deferred, before the set changes
        lock.lock();
        try {
            ToolState tool = control.live(id, handle);
            refuseBoth("defer", mask, tool.countedMask, "counts");
            if (tool.deferredMask == mask) {
                return;
            }
            tool.deferredMask = mask;
        } finally {
            lock.unlock();
        }
        demand.changed(); // where only deferring tools want an event, its probes may become stores
    }

    EventSet getDeferred(int id, ToolHandle handle) {
        return read(id, handle, tool -> tool.deferredMask);
    }

    void setCounted(int id, ToolHandle handle, EventSet events, CountCallback callback) {
        int mask = events.mask();
        control.restarts().flush(id, handle); // what was counted so far goes to the tools that counted it
        lock.lock();
        try {
            ToolState tool = control.live(id, handle);
            refuseBoth("count", mask, tool.deferredMask, "defers");
            int changed = tool.countedMask ^ mask;
            Counter previous = tool.counter;
            if (changed == 0 && (mask == 0 || previous.callback == callback)) {
                return;
            }
            tool.counter = mask == 0 ? null : new Counter(callback);
            tool.countedMask = mask;
            int refresh = previous != null ? changed | mask : changed;
            for (int e = 0; e < Event.COUNT; e++) {
                if ((refresh & 1 << e) != 0) {
                    refreshCallbacks(e);
                }
            }
        } finally {
            lock.unlock();
        }
        demand.changed(); // where only counting tools want an event, its probes may become increments
    }

    EventSet getCounted(int id, ToolHandle handle) {
        return read(id, handle, tool -> tool.countedMask);
    }

    /** Refuses to {@code verb} events that the tool already {@code does} the other way: deferred or counted. */
    private static void refuseBoth(String verb, int mask, int other, String does) {
        if ((mask & other) != 0) {
            throw new IllegalArgumentException("cannot " + verb + " " + EventSet.ofMask(mask & other) + ": the tool "
                    + does + " it (an event is deferred or counted, not both)");
        }
    }

    /**
     * Before a tool switches events on or off: if it counts one of them, delivers what was counted so far, so that
     * a count covers only the time the tool wanted the event.
     */
    private void flushIfCounted(int id, ToolHandle handle, int changed) {
        ToolState tool = tools[id];
        if ((tool.countedMask & changed) != 0) {
            control.restarts().flush(id, handle);
        }
    }

    /** One of a tool's event sets, read under the lock; none for an id-based read of a tool not in use. */
    private EventSet read(int id, ToolHandle handle, ToIntFunction<ToolState> mask) {
        lock.lock();
        try {
            ToolState tool = control.liveOrNull(id, handle);
            return tool == null ? EventSet.NONE : EventSet.ofMask(mask.applyAsInt(tool));
        } finally {
            lock.unlock();
        }
    }
}
