package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.Event;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What to insert into one method.
 *
 * @param unitId the method's code unit
 * @param unitIndex the method's index among its class's units (its slots are allocated under it)
 * @param events the events to insert probes for (an event mask; {@code CALL} brings the {@code EXTERNAL_*} probes)
 * @param linePoints line points: offset to line (S26)
 * @param reraises offsets of the {@code athrow} instructions that are RERAISE rather than RAISE
 * @param external whether a call to a class (internal name) goes to code that is not instrumented
 */
public record MethodPlan(int unitId, int unitIndex, int events, Map<Integer, Integer> linePoints, Set<Integer> reraises,
        Predicate<String> external) {

    boolean wants(Event<?> event) {
        return (events & (1 << event.ordinal())) != 0;
    }
}
