package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.Event;

/** Rules about events that several classes apply: one copy each. */
final class Events {

    private Events() {
    }

    /**
     * The event-set bit that switches an event on: CALL for the ancillary events (EXTERNAL_RETURN and
     * EXTERNAL_RAISE follow CALL, S10), else the event's own.
     *
     * @param event an event
     * @return its control bit
     */
    static int controlBit(Event<?> event) {
        return 1 << (event.kind() == Event.Kind.ANCILLARY ? Event.CALL.ordinal() : event.ordinal());
    }

    /**
     * @param event an event
     * @return whether its locations are call sites, which carry a {@code CallTarget}
     */
    static boolean isCall(Event<?> event) {
        return event == Event.CALL || event.kind() == Event.Kind.ANCILLARY;
    }

    /**
     * @param event an event
     * @return whether its locations are edges {@code (from, to)}
     */
    static boolean isEdge(Event<?> event) {
        return event == Event.JUMP || event == Event.BRANCH_LEFT || event == Event.BRANCH_RIGHT;
    }
}
