package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Deferred events ({@code Monitoring.setDeferredEvents}): where every tool that wants an event in a unit defers it,
 * the unit's probes of that event are stores ({@code hits[slot] = 1}) into their class's hit array, with no test and
 * no call; a flush delivers the slots found hit. Elsewhere, and for injected sites, a deferring tool's events go
 * through the dispatcher as they happen, which then disables the location for the tool as a DISABLE would.
 *
 * <p>A flush runs on the thread that asks for it, one at a time (its own lock: callbacks run during it). For each
 * class with a hit (looked for first without the Control lock, which class loading takes), under one hold of that
 * lock, it takes the slots found hit (clearing them), each with the slot its hit implies if any (an edge with no
 * probe of its own, {@link Control#implySlot}), and marks them disabled for the tools that defer their events; then,
 * without the lock, it delivers each to the tools its mask held before the marks, as a probe would. A per-test
 * coverage tool's restart delivers thousands of locations: one lock per class with hits, and views not kept.
 * Marking before delivering keeps each location delivered once to a deferring tool even where a probe of a newer
 * class version calls at once. A deferring tool whose callback is running on this thread (a flush from inside it)
 * is marked all the same and owed the slot ({@link Owed}), which its next flush delivers first; a tool that wants
 * the event at once gets nothing while its callback runs, as from a probe (S21).
 *
 * <p>Counted events ({@code Monitoring.setCountedEvents}) go the same way: where every tool that wants an event in a
 * unit counts it, its probes are increments ({@code counts[slot]++}, {@link CountArrays}), and a flush first
 * delivers, for each class with a count, what each slot counted since the last flush to the tools that count its
 * event there. A counting tool whose callback is running on this thread is owed its share likewise. Counts take
 * no Control lock: no mark is made for them.
 */
final class Deferral {

    private static final int DEFERRABLE = EventSet.DEFERRABLE.mask();
    private static final int COUNTABLE = EventSet.COUNTABLE.mask();

    /** One flush at a time; guards {@link #found}, the outermost flush's slots. */
    private final ReentrantLock flushLock = new ReentrantLock();
    private final ReentrantLock controlLock;
    private final Marks marks;
    private final ToolState[] tools;
    private final Found found = new Found();

    /**
     * @param controlLock the Control lock, under which the marks are made
     * @param marks the DISABLE marks
     * @param tools every tool's state
     */
    Deferral(ReentrantLock controlLock, Marks marks, ToolState[] tools) {
        this.controlLock = controlLock;
        this.marks = marks;
        this.tools = tools;
    }

    /**
     * The events of {@code candidates} whose probes may be stores in {@code unit}: wanted there by some tool, and
     * only by tools that defer them. Caller holds the Control lock.
     */
    static int storeForms(ToolState[] tools, Unit unit, int candidates) {
        return wantedOnlyBy(tools, unit, false) & candidates & DEFERRABLE;
    }

    /**
     * The events of {@code candidates} whose probes may be increments in {@code unit}: wanted there by some tool,
     * and only by tools that count them. Caller holds the Control lock.
     */
    static int countForms(ToolState[] tools, Unit unit, int candidates) {
        return wantedOnlyBy(tools, unit, true) & candidates & COUNTABLE;
    }

    /** @return the events that some tool wants in {@code unit}, and only tools that count (or defer) them */
    private static int wantedOnlyBy(ToolState[] tools, Unit unit, boolean counting) {
        int wanted = 0;
        int otherwise = 0;
        for (ToolState tool : tools) {
            if (tool.inUse) {
                int events = MaskRule.effectiveEvents(tool, unit);
                wanted |= events;
                otherwise |= events & ~(counting ? tool.countedMask : tool.deferredMask);
            }
        }
        return wanted & ~otherwise;
    }

    /** Delivers every hit and every count recorded so far in the arrays of every instrumented class. */
    void flush(SiteRegistry sites, Dispatcher dispatcher) {
        flushLock.lock();
        try {
            // a callback of this flush may flush again (for another tool): that one gets slots of its own
            Found batch = flushLock.getHoldCount() == 1 ? found : new Found();
            int running = dispatcher.runningMask();
            payOwed(running, dispatcher);
            int[] counting = countingTools();
            for (ProbeClass probeClass : sites.probeClasses()) {
                if (probeClass.counts.anyCounted()) {
                    deliverCounts(probeClass, batch, counting, running, dispatcher);
                }
                if (!probeClass.anyHit()) {
                    continue; // most classes, most of the time: read without keeping the class loader waiting
                }
                batch.size = 0;
                controlLock.lock();
                try {
                    probeClass.takeHits(batch);
                    mark(probeClass, batch, running);
                } finally {
                    controlLock.unlock();
                }
                deliver(probeClass, batch, dispatcher);
            }
        } finally {
            flushLock.unlock();
        }
    }

    /**
     * Reads each found slot's mask (for a slot implied by another's hit, only its tools that defer the event: a tool
     * that wants it at once has its own probe), and marks the slot disabled for the tools of that mask that defer
     * its event; those of them whose callback is running on this thread are owed it. Caller holds the Control lock.
     */
    private void mark(ProbeClass probeClass, Found batch, int running) {
        for (int i = 0; i < batch.size; i++) {
            int slot = batch.slots[i];
            int mask = probeClass.maskOf(slot);
            int bit = 1 << probeClass.eventOrdinalOf(slot);
            int marked = 0;
            for (int pending = mask; pending != 0; pending &= pending - 1) {
                ToolState tool = tools[Integer.numberOfTrailingZeros(pending)];
                if ((tool.deferredMask & bit) != 0) {
                    marks.disable(probeClass, slot, tool);
                    marked |= 1 << tool.id;
                    if ((running & 1 << tool.id) != 0) {
                        tool.owed.add(new Owed(probeClass, slot, 0)); // delivery skips it now: it runs
                    }
                }
            }
            batch.masks[i] = batch.implied[i] ? marked : mask;
            batch.marked[i] = marked;
        }
    }

    /**
     * Delivers what one class's increment probes counted since the last flush to the tools that count each slot's
     * event there now (no other tool: one that wants the event otherwise gets its own probe once the class is
     * retransformed). A tool whose callback runs on this thread (a flush from inside it) is owed its share, which
     * its next flush delivers.
     */
    private void deliverCounts(ProbeClass probeClass, Found batch, int[] counting, int running,
            Dispatcher dispatcher) {
        batch.size = 0;
        probeClass.counts.take(batch);
        for (int i = 0; i < batch.size; i++) {
            int slot = batch.slots[i];
            int mask = probeClass.maskOf(slot) & counting[probeClass.eventOrdinalOf(slot)];
            for (int later = mask & running; later != 0; later &= later - 1) {
                tools[Integer.numberOfTrailingZeros(later)].owed.add(new Owed(probeClass, slot, batch.counts[i]));
            }
            if ((mask & ~running) != 0) {
                dispatcher.dispatchCounted(probeClass, slot, mask & ~running, batch.counts[i]);
            }
        }
    }

    /** @return by event ordinal, the tools that count the event now */
    private int[] countingTools() {
        int[] counting = new int[Event.COUNT];
        for (ToolState tool : tools) {
            for (int pending = tool.countedMask; pending != 0; pending &= pending - 1) {
                counting[Integer.numberOfTrailingZeros(pending)] |= 1 << tool.id;
            }
        }
        return counting;
    }

    /** Delivers what is owed to the tools whose callback is not running on this thread. */
    private void payOwed(int running, Dispatcher dispatcher) {
        for (ToolState tool : tools) {
            if ((running & 1 << tool.id) == 0) {
                int bit = 1 << tool.id;
                for (Owed owed; (owed = tool.owed.poll()) != null; ) {
                    if (owed.count > 0) {
                        dispatcher.dispatchCounted(owed.probeClass, owed.slot, bit, owed.count);
                    } else {
                        dispatcher.dispatchFlushed(owed.probeClass, owed.slot, bit, bit, true); // marked already
                    }
                }
            }
        }
    }

    /**
     * What a flush took at a slot for a tool whose callback was running on the flushing thread: a count, or (0) a
     * hit that the flush marked for the tool.
     */
    static final class Owed {
        final ProbeClass probeClass;
        final int slot;
        final long count;

        Owed(ProbeClass probeClass, int slot, long count) {
            this.probeClass = probeClass;
            this.slot = slot;
            this.count = count;
        }
    }

    private static void deliver(ProbeClass probeClass, Found batch, Dispatcher dispatcher) {
        for (int i = 0; i < batch.size; i++) {
            if (batch.masks[i] != 0) {
                dispatcher.dispatchFlushed(probeClass, batch.slots[i], batch.masks[i], batch.marked[i],
                        batch.implied[i]);
            }
        }
    }

    /**
     * The slots one class's flush found hit, with the mask each had and the tools marked for it; reused from class
     * to class and flush to flush.
     */
    static final class Found {
        int[] slots = new int[64];
        boolean[] implied = new boolean[64];
        int[] masks = new int[64];
        int[] marked = new int[64];
        long[] counts = new long[64];
        int size;

        /**
         * Adds a slot found hit, or implied by the hit of the slot added before it.
         *
         * @param slot the slot
         * @param byOther whether it is implied
         */
        void add(int slot, boolean byOther) {
            grow();
            implied[size] = byOther;
            slots[size++] = slot;
        }

        /**
         * Adds a slot with what it counted.
         *
         * @param slot the slot
         * @param count how many more times it ran
         */
        void addCount(int slot, long count) {
            grow();
            counts[size] = count;
            slots[size++] = slot;
        }

        private void grow() {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                implied = Arrays.copyOf(implied, size * 2);
                masks = Arrays.copyOf(masks, size * 2);
                marked = Arrays.copyOf(marked, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
        }
    }
}
