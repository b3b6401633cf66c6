package io.lowimpact.monitoring;

/**
 * Callback for {@link Event#LINE} events.
 *
 * <p>Runs on the thread that fires the event. It should be quick and must not assume a lock is held;
 * whatever it throws goes to the tool's {@link ErrorHandler}, never to the monitored application.
 */
@FunctionalInterface
public interface LineCallback {
    /**
     * Handles one event.
     *
     * @param code the code unit
     * @param line the source line that control reached
     * @return {@link Action#CONTINUE} (or {@code null}) to go on, {@link Action#DISABLE} to stop this event here
     */
    Action onLine(CodeUnit code, int line);
}
