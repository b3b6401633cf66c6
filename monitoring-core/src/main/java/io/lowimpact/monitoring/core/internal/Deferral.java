package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.EventSet;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Deferred events ({@code Monitoring.setDeferredEvents}): where every tool that wants an event in a unit defers it,
 * the unit's probes of that event are stores ({@code hits[slot] = 1}) into their class's hit array, with no test and
 * no call; a flush delivers the slots found hit. Elsewhere, and for injected sites, a deferring tool's events go
 * through the dispatcher as they happen, which then disables the location for the tool as a DISABLE would.
 *
 * <p>A flush runs on the thread that asks for it, one at a time (its own lock, not the Control lock: callbacks run
 * during it). For each slot found hit it clears the hit and delivers the slot's event to the tools of its mask, as a
 * probe would; the tools that defer it then have the slot disabled. A slot whose mask holds a tool whose callback is
 * running on this thread (a flush from inside a callback) is left hit for a later flush, so that it is not lost.
 */
final class Deferral {

    private static final int DEFERRABLE = EventSet.DEFERRABLE.mask();

    private final ReentrantLock lock = new ReentrantLock();

    /**
     * The events of {@code candidates} whose probes may be stores in {@code unit}: wanted there by some tool, and
     * only by tools that defer them. Caller holds the Control lock.
     */
    static int storeForms(ToolState[] tools, Unit unit, int candidates) {
        int wanted = 0;
        int immediate = 0;
        for (ToolState tool : tools) {
            if (tool.inUse) {
                int events = MaskRule.effectiveEvents(tool, unit);
                wanted |= events;
                immediate |= events & ~tool.deferredMask;
            }
        }
        return wanted & ~immediate & candidates & DEFERRABLE;
    }

    /** Delivers every hit recorded so far in the hit arrays of every instrumented class. */
    void flush(SiteRegistry sites, Dispatcher dispatcher) {
        lock.lock();
        try {
            int running = dispatcher.runningMask();
            for (ProbeClass probeClass : sites.probeClasses()) {
                probeClass.deliverHits(dispatcher, running);
            }
        } finally {
            lock.unlock();
        }
    }
}
