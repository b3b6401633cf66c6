package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.Event;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The entry points of DISABLE, flush and restart: a callback's DISABLE (from the dispatcher, on the thread that
 * fired), {@code flushEvents} and {@code restartEvents}. Each takes the Control lock for its marks ({@link Marks});
 * a flush delivers on the calling thread without it ({@link Deferral}), and a restart flushes first, so that what
 * ran before it counts before it.
 */
final class Restarts {

    private final Control control;
    private final ReentrantLock lock;
    private final ToolState[] tools;
    private final Dispatcher dispatcher;
    private final SiteRegistry sites;
    private final Marks marks;
    private final Deferral deferral;

    Restarts(Control control, ReentrantLock lock, ToolState[] tools, Dispatcher dispatcher, SiteRegistry sites,
            Marks marks) {
        this.control = control;
        this.lock = lock;
        this.tools = tools;
        this.dispatcher = dispatcher;
        this.sites = sites;
        this.marks = marks;
        this.deferral = new Deferral(lock, marks, tools);
    }

    /** {@code flushEvents}: delivers what every class's store probes recorded (S45), once the tool is checked. */
    void flush(int id, ToolHandle handle) {
        lock.lock();
        try {
            control.live(id, handle);
        } finally {
            lock.unlock();
        }
        deferral.flush(sites, dispatcher);
    }

    /** A callback of {@code tool} returned DISABLE at {@code site}. Called by the dispatcher, without the lock. */
    void disable(Site site, ToolState tool, Object callback) {
        disable(site.event, site.unit, tool, callback, () -> marks.disable(site, tool));
    }

    /** A callback of {@code tool} returned DISABLE at a bytecode slot. Called by the dispatcher, without the lock. */
    void disable(ProbeClass probeClass, int slot, ToolState tool, Object callback) {
        disable(probeClass.eventOf(slot), probeClass.unit(slot), tool, callback,
                () -> marks.disable(probeClass, slot, tool));
    }

    /** DISABLE of a location: {@code mark} marks it if the event may be disabled, else the callback is removed. */
    private void disable(Event<?> event, Unit unit, ToolState tool, Object callback, Runnable mark) {
        boolean misuse;
        lock.lock();
        try {
            misuse = event.kind() != Event.Kind.LOCAL;
            if (tool.callbacks[event.ordinal()] != callback) {
                return; // the tool changed its callback (or was freed) while this one ran
            }
            if (misuse) {
                tool.setCallback(event.ordinal(), null);
                control.events().refreshCallbacks(event.ordinal());
            } else {
                mark.run();
            }
        } finally {
            lock.unlock();
        }
        if (misuse) {
            tool.reportError(event, unit,
                    new IllegalStateException("cannot disable " + event.name() + " events; callback removed"));
        }
    }

    /** {@code restartEvents(tool)}: flushes, then lifts the tool's marks and no other tool's (S29, S45). */
    void restart(int id, ToolHandle handle) {
        deferral.flush(sites, dispatcher); // what was recorded before the restart counts before it
        lock.lock();
        try {
            ToolState tool = control.liveOrNull(id, handle);
            if (tool != null) {
                marks.restart(tool);
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@code restartEvents()}: flushes, then lifts every tool's marks (S30). */
    void restartAll() {
        deferral.flush(sites, dispatcher);
        lock.lock();
        try {
            for (ToolState tool : tools) {
                marks.restart(tool);
            }
        } finally {
            lock.unlock();
        }
    }
}
