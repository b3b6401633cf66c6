package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.Event;

/**
 * The rule that every site's mask follows: a tool receives an event at a location when
 * <ol>
 * <li>it is in use,</li>
 * <li>the event (for EXTERNAL_RETURN and EXTERNAL_RAISE: CALL) is in its global set or in its local set for the
 *     location's unit,</li>
 * <li>it has a callback for the event (for an event it counts, its count callback), and</li>
 * <li>it has not DISABLEd that location (a bytecode slot's byte in its {@link ProbeClass}, an injected site's
 *     {@link Site#disabled}).</li>
 * </ol>
 * The first three make the mask a location has before any DISABLE ({@link #mask}); the registry applies the
 * fourth. Callers hold the Control lock.
 */
final class MaskRule {

    private MaskRule() {
    }

    /** @return the tool's events for the unit: its global set and its local set for the unit */
    static int effectiveEvents(ToolState tool, Unit unit) {
        return tool.globalMask | unit.local(tool.id);
    }

    /** @return whether the tool wants {@code event} in {@code unit} (rules 1 to 3) */
    static boolean wants(ToolState tool, Unit unit, Event<?> event) {
        return tool.inUse && (effectiveEvents(tool, unit) & Events.controlBit(event)) != 0
                && tool.dispatched(event.ordinal()) != null;
    }

    /** @return the tools that want {@code event} in {@code unit}, as a mask of tool ids (rules 1 to 3) */
    static int mask(ToolState[] tools, Unit unit, Event<?> event) {
        int mask = 0;
        for (ToolState tool : tools) {
            if (wants(tool, unit, event)) {
                mask |= 1 << tool.id;
            }
        }
        return mask;
    }
}
