package io.lowimpact.monitoring.core.internal;

import java.util.Arrays;

/**
 * The count arrays of one {@link ProbeClass} (counted events, {@code Monitoring.setCountedEvents}): where only
 * counting tools want an event in a unit, its probes increment their slot's element ({@code counts[slot]++}), with no
 * test and no call. An array is made when a class version's probes first fetch one, as long as the class's slots
 * then; a newer class version with more slots gets a longer one (a new generation), and older code still running
 * keeps incrementing its own, which flushes read too.
 *
 * <p>A flush never writes a count: it keeps, per generation, the value it last delivered, and delivers the
 * difference (modulo 2<sup>32</sup>, so a count may wrap between two flushes). So an increment that races with a
 * flush is delivered by the next one, and only increments that race with each other can be lost. Guarded by this
 * object's monitor, except the probes' increments and the flush's first look ({@link #anyCounted}).
 */
final class CountArrays {

    private static final int[][] NONE = new int[0][];

    /** The generations, oldest first; the last one is what a class version fetching now gets if long enough. */
    private volatile int[][] generations = NONE;
    /** Per generation, per slot, what flushes have delivered of it so far. */
    private int[][] delivered = NONE;

    /**
     * @param slots how many slots the class has published
     * @return the array that a class version's probes fetch now: the newest generation, made if there is none or it
     *         is shorter than the class's slots
     */
    synchronized int[] current(int slots) {
        int[][] known = generations;
        if (known.length > 0 && known[known.length - 1].length >= slots) {
            return known[known.length - 1];
        }
        int[][] grown = Arrays.copyOf(known, known.length + 1);
        grown[known.length] = new int[slots];
        delivered = Arrays.copyOf(delivered, grown.length);
        delivered[known.length] = new int[slots];
        generations = grown;
        return grown[known.length];
    }

    /** @return whether some slot counted more than was delivered (read without a lock: a flush's first look) */
    boolean anyCounted() {
        int[][] known = generations;
        for (int g = 0; g < known.length; g++) {
            if (Arrays.mismatch(known[g], delivered[g]) >= 0) { // a vectorised compare (an intrinsic)
                return true;
            }
        }
        return false;
    }

    /**
     * Takes what each slot counted since the last take into {@code found}, a slot counted in two generations once
     * per generation.
     *
     * @param found where the slots and their counts go
     */
    synchronized void take(Deferral.Found found) {
        int[][] known = generations;
        for (int g = 0; g < known.length; g++) {
            int[] counts = known[g];
            int[] done = delivered[g];
            for (int slot = 0; slot < counts.length; slot++) {
                int now = counts[slot];
                if (now != done[slot]) {
                    found.addCount(slot, Integer.toUnsignedLong(now - done[slot]));
                    done[slot] = now;
                }
            }
        }
    }
}
