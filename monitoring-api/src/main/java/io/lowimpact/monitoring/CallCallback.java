package io.lowimpact.monitoring;

/**
 * Callback for {@link Event#CALL}, {@link Event#EXTERNAL_RETURN} and {@link Event#EXTERNAL_RAISE} events.
 *
 * <p>Runs on the thread that fires the event. It should be quick and must not assume a lock is held;
 * whatever it throws goes to the tool's {@link ErrorHandler}, never to the monitored application.
 */
@FunctionalInterface
public interface CallCallback {
    /**
     * Handles one event.
     *
     * @param code the calling code unit
     * @param offset the offset of the call instruction
     * @param target what is called
     * @param arg0 the receiver, else the first argument, else {@link Monitoring#MISSING}
     * @return {@link Action#CONTINUE} (or {@code null}) to go on, {@link Action#DISABLE} to stop this event here
     */
    Action onCall(CodeUnit code, int offset, CallTarget target, Object arg0);
}
