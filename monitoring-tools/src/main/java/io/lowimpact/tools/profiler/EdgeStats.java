package io.lowimpact.tools.profiler;

/**
 * Calls from one frame to another, for one thread or all of them.
 *
 * @param caller the calling frame's {@link MethodStats#label()}
 * @param callee the called frame's {@link MethodStats#label()}
 * @param count how many calls
 * @param nanos the callee's inclusive time under this caller; a call of this edge inside another call of the
 *        same edge (recursion) is not counted again
 */
public record EdgeStats(String caller, String callee, long count, long nanos) {
}
