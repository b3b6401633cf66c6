package io.lowimpact.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * An immutable set of {@link Event}s, held as an int mask whose bit {@code e.ordinal()} stands for {@code e}.
 */
public final class EventSet {

    private static final int ALL_BITS = (1 << Event.COUNT) - 1;

    /** The empty set. */
    public static final EventSet NONE = new EventSet(0);
    /** Every event. */
    public static final EventSet ALL = new EventSet(ALL_BITS);
    /** {@link Event#BRANCH_LEFT} and {@link Event#BRANCH_RIGHT}. */
    public static final EventSet BRANCH = of(Event.BRANCH_LEFT, Event.BRANCH_RIGHT);
    /** Every event of kind {@link Event.Kind#LOCAL}: what {@link Tool#setLocalEvents} accepts. */
    public static final EventSet LOCAL = ofKind(Event.Kind.LOCAL);
    /** Every event of kind {@link Event.Kind#GLOBAL}. */
    public static final EventSet GLOBAL = ofKind(Event.Kind.GLOBAL);
    /** Every event of kind {@link Event.Kind#ANCILLARY}. */
    public static final EventSet ANCILLARY = ofKind(Event.Kind.ANCILLARY);
    /** The events that carry no value, which a tool may defer: what {@link Tool#setDeferredEvents} accepts. */
    public static final EventSet DEFERRABLE = of(Event.METHOD_START, Event.LINE, Event.INSTRUCTION, Event.JUMP,
            Event.BRANCH_LEFT, Event.BRANCH_RIGHT);
    /**
     * The events a tool may count, whose count needs no value: the deferrable ones and {@code METHOD_RETURN}; what
     * {@link Tool#setCountedEvents} accepts.
     */
    public static final EventSet COUNTABLE = DEFERRABLE.union(EventSet.of(Event.METHOD_RETURN));

    private final int mask;

    private EventSet(int mask) {
        this.mask = mask;
    }

    /**
     * The set of the given events.
     *
     * @param events events, none null
     * @return the set
     * @throws NullPointerException if an event is null
     */
    public static EventSet of(Event<?>... events) {
        int mask = 0;
        for (Event<?> e : events) {
            mask |= 1 << Event.requireNonNull(e).ordinal();
        }
        return ofMask(mask);
    }

    /**
     * The set whose bits are {@code mask}.
     *
     * @param mask bits {@code 1 << ordinal}
     * @return the set
     * @throws IllegalArgumentException if a bit names no event
     */
    public static EventSet ofMask(int mask) {
        if ((mask & ~ALL_BITS) != 0) {
            throw new IllegalArgumentException("invalid event mask 0x" + Integer.toHexString(mask)
                    + " (bits above " + (Event.COUNT - 1) + " name no event)");
        }
        if (mask == 0 && NONE != null) {
            return NONE;
        }
        return new EventSet(mask);
    }

    private static EventSet ofKind(Event.Kind kind) {
        int mask = 0;
        for (Event<?> e : Event.values()) {
            if (e.kind() == kind) {
                mask |= 1 << e.ordinal();
            }
        }
        return new EventSet(mask);
    }

    /** @return the bits of this set */
    public int mask() {
        return mask;
    }

    /**
     * @param event an event
     * @return whether it is in this set
     */
    public boolean contains(Event<?> event) {
        return (mask & (1 << Event.requireNonNull(event).ordinal())) != 0;
    }

    /**
     * @param other a set
     * @return whether every event of {@code other} is in this set
     */
    public boolean containsAll(EventSet other) {
        return (other.mask & ~mask) == 0;
    }

    /**
     * @param other a set
     * @return the events in this set or in {@code other}
     */
    public EventSet union(EventSet other) {
        return ofMask(mask | other.mask);
    }

    /**
     * @param events events to add
     * @return this set with the events added
     */
    public EventSet with(Event<?>... events) {
        return union(of(events));
    }

    /**
     * @param other a set
     * @return the events in this set and not in {@code other}
     */
    public EventSet minus(EventSet other) {
        return ofMask(mask & ~other.mask);
    }

    /**
     * @param other a set
     * @return the events in both sets
     */
    public EventSet intersect(EventSet other) {
        return ofMask(mask & other.mask);
    }

    /** @return whether this set has no event */
    public boolean isEmpty() {
        return mask == 0;
    }

    /** @return how many events this set has */
    public int size() {
        return Integer.bitCount(mask);
    }

    /** @return the events of this set, in ordinal order */
    public List<Event<?>> events() {
        List<Event<?>> list = new ArrayList<>(size());
        for (Event<?> e : Event.values()) {
            if (contains(e)) {
                list.add(e);
            }
        }
        return List.copyOf(list);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventSet && ((EventSet) o).mask == mask;
    }

    @Override
    public int hashCode() {
        return mask;
    }

    /** @return the names of the events, such as {@code "{LINE, BRANCH_LEFT}"} */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        for (Event<?> e : events()) {
            j.add(e.name());
        }
        return j.toString();
    }
}
