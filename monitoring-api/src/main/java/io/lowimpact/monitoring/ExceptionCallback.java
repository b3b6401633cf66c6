package io.lowimpact.monitoring;

/**
 * Callback for {@link Event#RAISE}, {@link Event#RERAISE}, {@link Event#EXCEPTION_HANDLED}, {@link Event#METHOD_UNWIND}, {@link Event#METHOD_THROW} and {@link Event#STOP_ITERATION} events.
 *
 * <p>Runs on the thread that fires the event. It should be quick and must not assume a lock is held;
 * whatever it throws goes to the tool's {@link ErrorHandler}, never to the monitored application.
 */
@FunctionalInterface
public interface ExceptionCallback {
    /**
     * Handles one event.
     *
     * @param code the code unit
     * @param offset where the exception is raised, caught (the handler's start) or leaves the unit
     * @param exception the exception, never null
     * @return {@link Action#CONTINUE} (or {@code null}) to go on, {@link Action#DISABLE} to stop this event here
     */
    Action onException(CodeUnit code, int offset, Throwable exception);
}
