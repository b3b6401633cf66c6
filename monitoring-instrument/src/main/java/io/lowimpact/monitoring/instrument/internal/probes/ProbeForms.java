package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.core.internal.Control;

/**
 * Which form each event's probes take in one method: a store into the class's hit array (events that only deferring
 * tools want there), an increment of its count array (events that only counting tools want there), or else a test
 * of the mask array and a call. Stores and increments need the class file to hold their array's constant (version
 * 55 and later, {@link ProbeFetch}); where it cannot, every probe tests and calls.
 */
final class ProbeForms {

    private static final int EVENTS = (1 << Event.COUNT) - 1;

    /** The events whose probes are stores ({@code 1 << ordinal}). */
    private final int stores;
    /** The events whose probes are increments ({@code 1 << ordinal}), disjoint from {@link #stores}. */
    private final int counts;
    /** Whether every probe of the method is a store or an increment: it then never reads the mask array. */
    final boolean noTests;

    ProbeForms(MethodPlan plan, ProbeFetch fetch) {
        stores = fetch.hits() != null ? plan.events() >>> Control.DEFERRED_SHIFT : 0;
        counts = fetch.counts() != null ? plan.counted() & ~stores : 0;
        noTests = (plan.events() & ~(stores | counts) & EVENTS) == 0;
    }

    /** @return whether the event's probes are stores or increments: no test, no call, and they fall through */
    boolean isStore(Event<?> event) {
        return ((stores | counts) & 1 << event.ordinal()) != 0;
    }

    /** @return whether the event's probes are stores into the hit array: a hit that may imply an edge's */
    boolean isHitStore(Event<?> event) {
        return (stores & 1 << event.ordinal()) != 0;
    }

    /** @return whether the event's probes are increments, which need no value (a METHOD_RETURN's) */
    boolean isCount(Event<?> event) {
        return (counts & 1 << event.ordinal()) != 0;
    }

    /**
     * @param event an event of {@link #isStore}
     * @param slot the push of the probe's slot
     * @param fetch the class's array constants
     * @return the probe: a store or an increment
     */
    StoreProbeNode node(Event<?> event, SlotPush slot, ProbeFetch fetch) {
        boolean count = isCount(event);
        return new StoreProbeNode(count ? fetch.counts() : fetch.hits(), slot, count);
    }
}
