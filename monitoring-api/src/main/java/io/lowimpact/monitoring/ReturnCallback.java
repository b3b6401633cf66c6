package io.lowimpact.monitoring;

/**
 * Callback for {@link Event#METHOD_RETURN} and {@link Event#METHOD_YIELD} events.
 *
 * <p>Runs on the thread that fires the event. It should be quick and must not assume a lock is held;
 * whatever it throws goes to the tool's {@link ErrorHandler}, never to the monitored application.
 */
@FunctionalInterface
public interface ReturnCallback {
    /**
     * Handles one event.
     *
     * @param code the code unit
     * @param offset the offset of the return or yield
     * @param value the value returned or yielded, boxed; {@link Monitoring#MISSING} for {@code void}
     * @return {@link Action#CONTINUE} (or {@code null}) to go on, {@link Action#DISABLE} to stop this event here
     */
    Action onReturn(CodeUnit code, int offset, Object value);
}
