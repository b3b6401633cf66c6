package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.core.internal.Control;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What to insert into one method.
 *
 * @param unitId the method's code unit
 * @param unitIndex the method's index among its class's units (its slots are allocated under it)
 * @param events the events to insert probes for (an event mask; {@code CALL} brings the {@code EXTERNAL_*} probes),
 *     and shifted left by {@link Control#DEFERRED_SHIFT}, those whose probes may be stores
 * @param linePoints line points (S26) as pairs {@code offset, line}, in offset order, one per offset; not to be
 *     changed (the plan shares the array of its unit)
 * @param reraises offsets of the {@code athrow} instructions that are RERAISE rather than RAISE; not to be changed
 * @param external whether a call to a class (internal name) goes to code that is not instrumented
 * @param counted the events, of {@code events}, whose probes may be increments ({@code 1 << ordinal}; counted
 *     events, {@link Control#COUNTED_SHIFT})
 */
public record MethodPlan(int unitId, int unitIndex, int events, int[] linePoints, int[] reraises,
        Predicate<String> external, int counted) {

    /**
     * A plan from maps and sets.
     *
     * @param unitId the method's code unit
     * @param unitIndex the method's index among its class's units
     * @param events the events to insert probes for
     * @param linePoints line points: offset to line
     * @param reraises offsets of the RERAISE {@code athrow} instructions
     * @param external whether a call to a class goes to code that is not instrumented
     */
    public MethodPlan(int unitId, int unitIndex, int events, Map<Integer, Integer> linePoints, Set<Integer> reraises,
            Predicate<String> external) {
        this(unitId, unitIndex, events, pairs(linePoints), reraises.stream().mapToInt(Integer::intValue).toArray(),
                external, 0);
    }

    private static int[] pairs(Map<Integer, Integer> linePoints) {
        int[] pairs = new int[2 * linePoints.size()];
        int i = 0;
        for (Map.Entry<Integer, Integer> point : new TreeMap<>(linePoints).entrySet()) {
            pairs[i++] = point.getKey();
            pairs[i++] = point.getValue();
        }
        return pairs;
    }

    boolean wants(Event<?> event) {
        return (events & (1 << event.ordinal())) != 0;
    }

    /** @return whether a line point is at {@code offset} (a binary search of the pairs) */
    boolean isLinePoint(int offset) {
        int low = 0;
        int high = linePoints.length / 2 - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int at = linePoints[2 * mid];
            if (at < offset) {
                low = mid + 1;
            } else if (at > offset) {
                high = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** @return whether the {@code athrow} at {@code offset} is a RERAISE */
    boolean isReraise(int offset) {
        for (int r : reraises) {
            if (r == offset) {
                return true;
            }
        }
        return false;
    }
}
