package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CallTarget;

/**
 * One probe location as the {@link Dispatcher} delivers it: what its callbacks are given that does not change from
 * one event to the next, and where its current mask and its DISABLE go. A {@link Site} for the injection API, a
 * {@link SlotView} for a bytecode slot; one delivery loop serves both.
 */
abstract class Delivery {

    final Unit unit;
    final int eventOrdinal;
    /** The callback signature: one of {@link Site}'s {@code SHAPE_} constants. */
    final int shape;
    final int offset;
    /** An edge's destination, or -1. */
    final int to;
    /** The line reported to LINE callbacks. */
    final int line;
    /** The call of a call event, else null. */
    final CallTarget target;

    Delivery(Unit unit, int eventOrdinal, int shape, int offset, int to, int line, CallTarget target) {
        this.unit = unit;
        this.eventOrdinal = eventOrdinal;
        this.shape = shape;
        this.offset = offset;
        this.to = to;
        this.line = line;
        this.target = target;
    }

    /** @return the tools that receive the event here now: read again after each tool's callback */
    abstract int currentMask();

    /** A tool's callback returned DISABLE here: switches the location off for that tool (S18). */
    abstract void disable(Control control, ToolState tool, Object callback);
}
