package io.lowimpact.monitoring;

/**
 * What a callback asks of the dispatcher after it has handled an event.
 * A callback may also return {@code null}, which means {@link #CONTINUE}.
 */
public enum Action {
    /** Keep delivering this event at this location. */
    CONTINUE,
    /**
     * Stop delivering this event at this location (code unit and offset, or branch edge) to the tool whose
     * callback returned it, until that tool calls {@link Tool#restartEvents()}. Only local events can be
     * disabled; returning it from a global or ancillary event unregisters the callback and reports a tool error.
     * A {@link Event#CALL} disabled at a call also ends that call's {@link Event#EXTERNAL_RETURN} and
     * {@link Event#EXTERNAL_RAISE} for the tool, as in CPython.
     */
    DISABLE
}
