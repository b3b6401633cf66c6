package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.Event;

/** Allocates the probe slots of one class (the core's {@code ProbeClass}). */
public interface SlotAllocator {

    /** @return the id that the class's probes pass to the runtime */
    int classId();

    /**
     * The first slot of one event's probes in one method, allocated on first request: the same method, event and
     * number of probes give the same slots at every later rewrite of the class.
     *
     * @param unitIndex the method's index among the class's units
     * @param event the event
     * @param offsets each probe's offset (an edge's {@code from}), in emission order
     * @param tos each probe's edge destination, or -1
     * @return the first slot
     */
    int allocate(int unitIndex, Event<?> event, int[] offsets, int[] tos);

    /**
     * Records that a store probe's slot being hit means that another slot's location ran too: an edge whose
     * destination is a line point it alone leads to, and which therefore has no probe of its own. Called after both
     * are allocated, before {@link #publish}.
     *
     * @param slot the line's slot
     * @param implied the edge's slot
     */
    void imply(int slot, int implied);

    /** Makes the slots allocated so far readable by the class's probes; called before the class is defined. */
    void publish();
}
