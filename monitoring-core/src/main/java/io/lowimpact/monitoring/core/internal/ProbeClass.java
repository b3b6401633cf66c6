package io.lowimpact.monitoring.core.internal;

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
 * <p>A slot is all primitive state: its mask byte, a byte of the tools that disabled it, and a {@code long} that
 * says what it is (event, method, offset, and the edge's destination, the line or the call, packed). The dispatcher
 * delivers from those directly ({@link Dispatcher#dispatchSlot}): a program keeps no object per probe, however many
 * have fired. Everything here is guarded by the {@link Control} lock, except the reads made by probes and by
 * {@link Bootstrap} and the dispatcher ({@link #maskOf}, {@link #descriptor}, {@link #unitAt}).
 */
public final class ProbeClass {

    private static final int EVENT_BITS = 5;
    private static final int UNIT_BITS = 16;
    private static final int OFFSET_BITS = 16;
    private static final int EXTRA_BITS = 64 - EVENT_BITS - UNIT_BITS - OFFSET_BITS;
    /** Zeros to compare hit arrays with ({@link #anyHit}); replaced by a longer one when a class needs it. */
    private static byte[] zeroes = new byte[1024];

    final int id;
    private final Unit[] units;
    /** First slot of each (event, unit index), -1 while not allocated; a row is made when its event first is. */
    private final int[][] bases = new int[Event.COUNT][];
    /** Number of slots of each (event, unit index); rows as in {@link #bases}. */
    private final int[][] lengths = new int[Event.COUNT][];
    /** Per slot: event, unit index, offset and extra + 1, packed (see {@link #pack}); replaced whole when grown. */
    private volatile long[] descriptors = new long[0];
    private int count;
    /** The current generation: what the newest class version's probes read. */
    private volatile byte[] masks = new byte[0];
    /** Older generations still referenced by running code of older class versions. */
    private byte[][] older = new byte[0][];
    /**
     * Per slot, whether its store probe ran since the last flush ({@link Deferral}); a generation for each of
     * {@link #masks}'s, written by probes without a lock.
     */
    private volatile byte[] hits = new byte[0];
    /** The older generations of {@link #hits}, which probes of older class versions may still write. */
    private volatile byte[][] olderHits = new byte[0][];
    /**
     * Per slot, the slot whose location a hit of it implies ({@link Control#implySlot}), or -1; null while the class
     * has none. Guarded by the Control lock, which flushes hold to read it.
     */
    private int[] implied;
    /** The count arrays that increment probes write (counted events), made when first fetched. */
    final CountArrays counts = new CountArrays();
    /** Per slot, the tools that disabled it. */
    private byte[] disabled = new byte[0];
    /** Per slot, its dispatcher's view while some tool receives it (else null); written without a lock. */
    private volatile SlotView[] views = new SlotView[0];

    ProbeClass(int id, List<Unit> units) {
        this.id = id;
        this.units = units.toArray(new Unit[0]);
    }

    /** @return the id that probes pass to {@link Bootstrap} */
    public int id() {
        return id;
    }

    /** @return the current generation of the mask array */
    byte[] masks() {
        return masks;
    }

    /** @return the current generation of the hit array, which store probes write */
    byte[] hits() {
        return hits;
    }

    /**
     * Takes the slots whose store probe ran since the last flush, clearing them, into {@code found}, each followed
     * by the slot its hit implies, if any. Called by {@link Deferral}, one flush at a time, under the Control lock. A
     * slot hit in two generations, or hit and implied, is taken twice: its second delivery goes to the tools its
     * first did not disable.
     *
     * @param found where the slots go
     */
    void takeHits(Deferral.Found found) {
        takeHits(hits, found);
        for (byte[] older : olderHits) {
            takeHits(older, found);
        }
    }

    private void takeHits(byte[] generation, Deferral.Found found) {
        int[] alsoRan = implied;
        for (int slot = 0; slot < generation.length; slot++) {
            if (generation[slot] != 0) {
                int other = alsoRan == null || slot >= alsoRan.length ? -1 : alsoRan[slot];
                generation[slot] = 0;
                found.add(slot, false);
                if (other >= 0) {
                    found.add(other, true);
                }
            }
        }
    }

    /** @return whether a slot of any generation is hit now (read without a lock: a flush's first look) */
    boolean anyHit() {
        if (anyHit(hits)) {
            return true;
        }
        for (byte[] older : olderHits) {
            if (anyHit(older)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyHit(byte[] generation) {
        byte[] zeros = zeroes;
        if (zeros.length < generation.length) {
            zeros = new byte[Math.max(generation.length, 2 * zeros.length)];
            zeroes = zeros; // racy but safe: any array of zeros long enough will do
        }
        // a vectorised compare (an intrinsic): a restart every few ms looks at every class's hits
        return Arrays.mismatch(generation, 0, generation.length, zeros, 0, generation.length) >= 0;
    }

    /** Records that a hit of {@code slot} means that {@code other} ran too; caller holds the Control lock. */
    void imply(int slot, int other) {
        int[] table = implied != null ? implied : new int[0];
        if (slot >= table.length) {
            int old = table.length;
            table = Arrays.copyOf(table, Math.max(count, slot + 1));
            Arrays.fill(table, old, table.length, -1);
        }
        table[slot] = other;
        implied = table;
    }

    /**
     * The first slot of the probes of one event in one method, allocating them on first use; caller holds the
     * Control lock and publishes new slots with {@link #publish} once all are allocated.
     *
     * @param unitIndex the method's index among the class's units
     * @param event the event
     * @param offsets each probe's offset (an edge's {@code from}), in emission order
     * @param tos each probe's edge destination, or -1
     * @return the first slot; probe {@code i} has slot {@code base + i}
     */
    int allocate(int unitIndex, Event<?> event, int[] offsets, int[] tos) {
        int e = event.ordinal();
        if (bases[e] == null) {
            bases[e] = new int[units.length];
            lengths[e] = new int[units.length];
            Arrays.fill(bases[e], -1);
        }
        int base = bases[e][unitIndex];
        if (base >= 0) {
            return base;
        }
        base = count;
        int n = offsets.length;
        long[] grown = descriptors;
        if (count + n > grown.length) {
            grown = Arrays.copyOf(grown, Math.max(count + n, 2 * grown.length)); // trimmed by publish
        }
        Unit unit = units[unitIndex];
        for (int i = 0; i < n; i++) {
            grown[count + i] = pack(e, unitIndex, offsets[i], extra(unit, event, offsets[i], tos[i]));
        }
        descriptors = grown;
        count += n;
        bases[e][unitIndex] = base;
        lengths[e][unitIndex] = n;
        return base;
    }

    /** What a slot's descriptor keeps besides its location: the line of a LINE, the call of a call event, else {@code to}. */
    private static int extra(Unit unit, Event<?> event, int offset, int to) {
        if (event == Event.LINE) {
            return unit.lineAt(offset);
        } else if (Events.isCall(event)) {
            return unit.callIndexAt(offset);
        }
        return to;
    }

    /**
     * Makes a new generation holding every allocated slot, if slots were added since the last one; new slots get
     * {@code initial}'s mask. Caller holds the Control lock.
     *
     * @param initial the mask a new slot gets now
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
        byte[] currentHits = hits;
        if (currentHits.length > 0) {
            byte[][] grown = Arrays.copyOf(olderHits, olderHits.length + 1);
            grown[grown.length - 1] = currentHits;
            olderHits = grown;
        }
        hits = new byte[count];
        disabled = Arrays.copyOf(disabled, count);
        views = Arrays.copyOf(views, count);
        if (descriptors.length != count) {
            descriptors = Arrays.copyOf(descriptors, count); // a class keeps them as long as it lives
        }
        masks = next;
    }

    /**
     * The published slot of one event at one offset of a unit: a call's EXTERNAL_RETURN and EXTERNAL_RAISE slots
     * have its CALL slot's offset. Caller holds the Control lock.
     *
     * @return the slot, or -1 if there is none
     */
    int slotAt(int unitIndex, Event<?> event, int offset) {
        int[] eventBases = bases[event.ordinal()];
        int base = eventBases == null ? -1 : eventBases[unitIndex];
        if (base < 0) {
            return -1;
        }
        int end = Math.min(base + lengths[event.ordinal()][unitIndex], masks.length);
        for (int slot = base; slot < end; slot++) {
            if (offset(descriptors[slot]) == offset) {
                return slot;
            }
        }
        return -1;
    }

    /** @return the slot's mask: the tools that receive its event now (no lock needed) */
    int maskOf(int slot) {
        return masks[slot] & 0xFF;
    }

    /** @return the tools that disabled the slot; caller holds the Control lock */
    int disabledOf(int slot) {
        return disabled[slot] & 0xFF;
    }

    /** Sets the tools that disabled the slot; caller holds the Control lock and then recomputes its mask. */
    void setDisabled(int slot, int tools) {
        disabled[slot] = (byte) tools;
    }

    /**
     * Writes a slot's mask into every generation that has the slot, and drops its view when no tool receives it any
     * more; caller holds the Control lock.
     */
    void setMask(int slot, int mask) {
        byte value = (byte) mask;
        masks[slot] = value;
        for (byte[] generation : older) {
            if (slot < generation.length) {
                generation[slot] = value;
            }
        }
        if (mask == 0) {
            views[slot] = null;
        }
    }

    /** @return whether the slot has a view now (what a program keeps per slot besides its bytes) */
    boolean hasView(int slot) {
        return views[slot] != null;
    }

    /**
     * @return the slot's view if it has one, else a new one that it does not keep: for a flush, which has just
     *         disabled the slot for the tools it delivers to, so that no view outlives their marks
     */
    SlotView transientView(int slot) {
        SlotView view = views[slot];
        return view != null ? view : newView(slot);
    }

    /** @return the slot's view, made if it has none (no lock needed) */
    SlotView view(int slot) {
        SlotView[] known = views;
        SlotView view = known[slot];
        if (view == null) {
            view = newView(slot);
            known[slot] = view;
        }
        return view;
    }

    private SlotView newView(int slot) {
        long descriptor = descriptor(slot);
        return new SlotView(this, slot, descriptor, Dispatcher.shapeOf(eventOrdinal(descriptor)));
    }

    /** Recomputes a slot's mask from the mask rule's {@code wanted} for its unit and event; caller holds the lock. */
    void refreshSlot(int slot, int wanted) {
        setMask(slot, wanted & ~disabledOf(slot));
    }

    /** Recomputes the masks of every slot of {@code event}; caller holds the Control lock. */
    void refresh(Event<?> event, SlotMask wanted) {
        int[] eventBases = bases[event.ordinal()];
        if (eventBases == null) {
            return;
        }
        for (int u = 0; u < eventBases.length; u++) {
            if (eventBases[u] >= 0) {
                refreshRange(u, event, wanted);
            }
        }
    }

    /** Recomputes the masks of the slots of one event in one unit; caller holds the Control lock. */
    void refreshRange(int unitIndex, Event<?> event, SlotMask wanted) {
        if (bases[event.ordinal()] == null) {
            return;
        }
        int base = bases[event.ordinal()][unitIndex];
        if (base < 0 || base >= masks.length) {
            return; // not allocated, or not published yet (publish computes it)
        }
        int end = base + lengths[event.ordinal()][unitIndex];
        int mask = wanted.of(units[unitIndex], event); // the mask rule depends on the unit and the event only
        for (int slot = base; slot < end; slot++) {
            refreshSlot(slot, mask);
        }
    }

    /** @return what a slot is, packed: read with {@link #eventOrdinal}, {@link #unitIndex}, {@link #offset}, {@link #extra} */
    long descriptor(int slot) {
        return descriptors[slot];
    }

    /** @return a unit of the class by its index */
    Unit unitAt(int unitIndex) {
        return units[unitIndex];
    }

    /** @return the unit of a slot */
    Unit unit(int slot) {
        return units[unitIndex(descriptor(slot))];
    }

    /** @return the event ordinal of a slot */
    int eventOrdinalOf(int slot) {
        return eventOrdinal(descriptor(slot));
    }

    /** @return the event of a slot */
    Event<?> eventOf(int slot) {
        return Event.ofOrdinal(eventOrdinal(descriptor(slot)));
    }

    static int eventOrdinal(long descriptor) {
        return (int) (descriptor & ((1 << EVENT_BITS) - 1));
    }

    static int unitIndex(long descriptor) {
        return (int) ((descriptor >>> EVENT_BITS) & ((1 << UNIT_BITS) - 1));
    }

    static int offset(long descriptor) {
        return (int) ((descriptor >>> (EVENT_BITS + UNIT_BITS)) & ((1 << OFFSET_BITS) - 1));
    }

    /** @return an edge's destination, a LINE's line, a call event's call index (see {@link Unit#callIndexAt}), or -1 */
    static int extra(long descriptor) {
        return (int) (descriptor >>> (EVENT_BITS + UNIT_BITS + OFFSET_BITS)) - 1;
    }

    private static long pack(int event, int unitIndex, int offset, int extra) {
        if (unitIndex >>> UNIT_BITS != 0 || offset >>> OFFSET_BITS != 0 || extra < -1
                || extra >= (1 << EXTRA_BITS) - 1) {
            throw new IllegalArgumentException("probe location out of range: unit " + unitIndex + ", offset "
                    + offset + ", " + extra);
        }
        return event | (long) unitIndex << EVENT_BITS | (long) offset << (EVENT_BITS + UNIT_BITS)
                | (long) (extra + 1) << (EVENT_BITS + UNIT_BITS + OFFSET_BITS);
    }

    /** The mask that a new slot gets: the tools that want its event in its unit. */
    @FunctionalInterface
    interface SlotMask {
        int of(Unit unit, Event<?> event);
    }
}
