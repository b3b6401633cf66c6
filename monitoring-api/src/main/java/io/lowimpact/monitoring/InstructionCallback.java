package io.lowimpact.monitoring;

/**
 * Callback for {@link Event#INSTRUCTION} events.
 *
 * <p>Runs on the thread that fires the event. It should be quick and must not assume a lock is held;
 * whatever it throws goes to the tool's {@link ErrorHandler}, never to the monitored application.
 */
@FunctionalInterface
public interface InstructionCallback {
    /**
     * Handles one event.
     *
     * @param code the code unit
     * @param offset the offset of the instruction about to execute
     * @return {@link Action#CONTINUE} (or {@code null}) to go on, {@link Action#DISABLE} to stop this event here
     */
    Action onInstruction(CodeUnit code, int offset);
}
