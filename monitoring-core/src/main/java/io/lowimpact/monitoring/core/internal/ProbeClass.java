package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.Event;

import java.util.Arrays;
import java.util.List;

/**
 * The bytecode probes of one instrumented class: a dense range of <em>slots</em>, one per probe location
 * {@code (method, event, offset or edge)}, and a {@code byte[]} that holds, per slot, the mask of the tools that
 * receive the event there. Instrumented code fetches that array once per method invocation and tests its slot's
 * byte before calling into the runtime, so a probe that no tool wants costs a load and a branch, and DISABLE is a
 * plain store into the array: no call-site flip, no deoptimisation.
 *
 * <p>Slots are allocated per {@code (method, event)} the first time the class is instrumented with that event, in
 * the order the instrumenter emits them, and never move, so every later retransformation of the class reuses them.
 * Growing the range makes a new, longer array (a new <em>generation</em>, fetched by the new class version); code of
 * older versions still running keeps its array, which is written too until no code can use it.
 *
 * <p>A slot gets a {@link Site} (the object the dispatcher delivers from) only when it first fires; until then its
 * mask byte is computed from the tools' event sets and callbacks alone, since no tool can have disabled it.
 * Everything here is guarded by the {@link Control} lock, except the reads of {@link #masks} and {@link #sites} made
 * by probes and by {@link Bootstrap}.
 */
public final class ProbeClass {

    private static final int EVENT_BITS = 5;
    private static final int UNIT_BITS = 16;
    private static final int OFFSET_BITS = 16;

    final int id;
    final List<Unit> units;
    /** First slot of each (event, unit index), -1 while not allocated; a row is made when its event first is. */
    private final int[][] bases = new int[Event.COUNT][];
    /** Number of slots of each (event, unit index); rows as in {@link #bases}. */
    private final int[][] lengths = new int[Event.COUNT][];
    /** Per slot: event, unit index, offset and {@code to + 1}, packed (see {@link #pack}). */
    private long[] descriptors = new long[0];
    private int count;
    /** The current generation: what the newest class version's probes read. */
    private volatile byte[] masks = new byte[0];
    /** Older generations still referenced by running code of older class versions. */
    private byte[][] older = new byte[0][];
    /** Sites of the slots that have fired, by slot. */
    volatile Site[] sites = new Site[0];

    ProbeClass(int id, List<Unit> units) {
        this.id = id;
        this.units = List.copyOf(units);
    }

    /** @return the id that probes pass to {@link Bootstrap} */
    public int id() {
        return id;
    }

    /** @return the current generation of the mask array */
    byte[] masks() {
        return masks;
    }

    /**
     * The first slot of the probes of one event in one method, allocating them on first use; caller holds the
     * Control lock and publishes new slots with {@link #publish} once all are allocated.
     *
     * @param unitIndex the method's index in {@link #units}
     * @param event the event
     * @param offsets each probe's offset (an edge's {@code from}), in emission order
     * @param tos each probe's edge destination, or -1
     * @return the first slot; probe {@code i} has slot {@code base + i}
     */
    int allocate(int unitIndex, Event<?> event, int[] offsets, int[] tos) {
        int e = event.ordinal();
        if (bases[e] == null) {
            bases[e] = new int[units.size()];
            lengths[e] = new int[units.size()];
            Arrays.fill(bases[e], -1);
        }
        int base = bases[e][unitIndex];
        if (base >= 0) {
            return base;
        }
        base = count;
        int n = offsets.length;
        if (count + n > descriptors.length) {
            descriptors = Arrays.copyOf(descriptors, Math.max(count + n, descriptors.length * 2));
        }
        for (int i = 0; i < n; i++) {
            descriptors[count + i] = pack(event.ordinal(), unitIndex, offsets[i], tos[i]);
        }
        count += n;
        bases[event.ordinal()][unitIndex] = base;
        lengths[event.ordinal()][unitIndex] = n;
        return base;
    }

    /**
     * Makes a new generation holding every allocated slot, if slots were added since the last one; new slots get
     * {@code initial}'s mask. Caller holds the Control lock.
     *
     * @param initial the mask a slot with no site gets now
     */
    void publish(SlotMask initial) {
        byte[] current = masks;
        if (current.length == count) {
            return;
        }
        byte[] next = Arrays.copyOf(current, count);
        for (int slot = current.length; slot < count; slot++) {
            next[slot] = (byte) initial.of(unit(slot), eventOf(slot));
        }
        if (current.length > 0) {
            older = Arrays.copyOf(older, older.length + 1);
            older[older.length - 1] = current;
        }
        sites = Arrays.copyOf(sites, count);
        masks = next;
    }

    /** Writes a slot's mask into every generation that has the slot; caller holds the Control lock. */
    void setMask(int slot, int mask) {
        byte value = (byte) mask;
        masks[slot] = value;
        for (byte[] generation : older) {
            if (slot < generation.length) {
                generation[slot] = value;
            }
        }
    }

    /** Recomputes the masks of every slot of {@code event}; caller holds the Control lock. */
    void refresh(Event<?> event, SlotMask wanted, SiteRegistry registry) {
        int[] eventBases = bases[event.ordinal()];
        if (eventBases == null) {
            return;
        }
        for (int u = 0; u < eventBases.length; u++) {
            if (eventBases[u] >= 0) {
                refreshRange(u, event, wanted, registry);
            }
        }
    }

    /** Recomputes the masks of the slots of one event in one unit; caller holds the Control lock. */
    void refreshRange(int unitIndex, Event<?> event, SlotMask wanted, SiteRegistry registry) {
        if (bases[event.ordinal()] == null) {
            return;
        }
        int base = bases[event.ordinal()][unitIndex];
        if (base < 0 || base >= masks.length) {
            return; // not allocated, or not published yet (publish computes it)
        }
        int end = base + lengths[event.ordinal()][unitIndex];
        int mask = wanted.of(units.get(unitIndex), event);
        Site[] known = sites;
        for (int slot = base; slot < end; slot++) {
            Site site = known[slot];
            if (site != null) {
                registry.refresh(site);
            } else {
                setMask(slot, mask);
            }
        }
    }

    /** The site of a slot, made on first request; caller holds the Control lock. */
    Site siteLocked(int slot, SiteRegistry registry) {
        Site site = sites[slot];
        if (site == null) {
            Unit unit = unit(slot);
            Event<?> event = eventOf(slot);
            int offset = offsetOf(slot);
            int line = event == Event.LINE ? unit.lineAt(offset) : -1;
            CallTarget target = Events.isCall(event) ? unit.callTargetAt(offset) : null;
            site = new Site(registry.dispatcher(), unit, event, offset, toOf(slot), line, target, this, slot);
            sites[slot] = site;
            registry.refresh(site);
        }
        return site;
    }

    private Unit unit(int slot) {
        return units.get(unitIndexOf(slot));
    }

    private Event<?> eventOf(int slot) {
        return Event.ofOrdinal(eventOrdinalOf(slot));
    }

    private int eventOrdinalOf(int slot) {
        return (int) (descriptors[slot] & ((1 << EVENT_BITS) - 1));
    }

    private int unitIndexOf(int slot) {
        return (int) ((descriptors[slot] >>> EVENT_BITS) & ((1 << UNIT_BITS) - 1));
    }

    private int offsetOf(int slot) {
        return (int) ((descriptors[slot] >>> (EVENT_BITS + UNIT_BITS)) & ((1 << OFFSET_BITS) - 1));
    }

    private int toOf(int slot) {
        return (int) (descriptors[slot] >>> (EVENT_BITS + UNIT_BITS + OFFSET_BITS)) - 1;
    }

    private static long pack(int event, int unitIndex, int offset, int to) {
        if (unitIndex >>> UNIT_BITS != 0 || offset >>> OFFSET_BITS != 0 || to < -1 || to >= 1 << OFFSET_BITS) {
            throw new IllegalArgumentException("probe location out of range: unit " + unitIndex + ", offset "
                    + offset + ", to " + to);
        }
        return event | (long) unitIndex << EVENT_BITS | (long) offset << (EVENT_BITS + UNIT_BITS)
                | (long) (to + 1) << (EVENT_BITS + UNIT_BITS + OFFSET_BITS);
    }

    /** The mask that a slot without a site has: the tools that want its event in its unit. */
    @FunctionalInterface
    interface SlotMask {
        int of(Unit unit, Event<?> event);
    }
}
