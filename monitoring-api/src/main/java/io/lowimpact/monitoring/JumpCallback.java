package io.lowimpact.monitoring;

/**
 * Callback for {@link Event#JUMP}, {@link Event#BRANCH_LEFT} and {@link Event#BRANCH_RIGHT} events.
 *
 * <p>Runs on the thread that fires the event. It should be quick and must not assume a lock is held;
 * whatever it throws goes to the tool's {@link ErrorHandler}, never to the monitored application.
 */
@FunctionalInterface
public interface JumpCallback {
    /**
     * Handles one event.
     *
     * @param code the code unit
     * @param from the offset of the jump or branch instruction
     * @param to the offset control goes to
     * @return {@link Action#CONTINUE} (or {@code null}) to go on, {@link Action#DISABLE} to stop this event here
     */
    Action onJump(CodeUnit code, int from, int to);
}
