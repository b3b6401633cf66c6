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

    /** Makes the slots allocated so far readable by the class's probes; called before the class is defined. */
    void publish();
}
