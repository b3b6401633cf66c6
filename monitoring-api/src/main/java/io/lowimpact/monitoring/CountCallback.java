package io.lowimpact.monitoring;

/**
 * Callback for a tool's counted events ({@link Monitoring#setCountedEvents}): how many times one location ran.
 *
 * <p>Runs on the thread that flushes ({@link Monitoring#flushEvents}, {@link Monitoring#restartEvents(int)}), or on
 * the thread that ran the location, with a count of 1, where the location's probe calls the runtime. It should be
 * quick and must not assume a lock is held; whatever it throws goes to the tool's {@link ErrorHandler}, never to the
 * monitored application.
 */
@FunctionalInterface
public interface CountCallback {
    /**
     * Adds to one location's count.
     *
     * @param code the code unit
     * @param event the counted event
     * @param offset the location: for {@code LINE} the offset of its line point, for an edge the offset of its jump
     *        or branch instruction, for {@code METHOD_START} 0, for {@code METHOD_RETURN} the offset of the return
     *        instruction
     * @param to for {@code JUMP}, {@code BRANCH_LEFT} and {@code BRANCH_RIGHT} the offset the edge goes to; -1 for
     *        the other events
     * @param line for {@code LINE} the source line; -1 for the other events
     * @param count how many more times the location ran, at least 1
     */
    void onCount(CodeUnit code, Event<?> event, int offset, int to, int line, long count);
}
