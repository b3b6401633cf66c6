/**
 * Lowimpact for Rhino: {@link io.lowimpact.monitoring.rhino.RhinoMonitoring#install(org.mozilla.javascript.Context)}
 * or a {@link io.lowimpact.monitoring.rhino.MonitoredContextFactory} makes JavaScript that Rhino interprets fire
 * {@code METHOD_START}, {@code METHOD_RESUME}, {@code LINE}, {@code RAISE}, {@code RERAISE},
 * {@code EXCEPTION_HANDLED}, {@code METHOD_RETURN} and {@code METHOD_UNWIND} events, seen by every tool alike.
 *
 * <p>Offsets of a unit (a script's top level, or one function): {@code 0} is the entry, {@code 1 .. n} are the
 * unit's lines in ascending order (one offset per line that Rhino marks with a line-change instruction), and
 * {@code n + 1} is the exit. The position table maps offset {@code i} in {@code 1 .. n} to its line in the script's
 * source file; Rhino's debug interface gives no columns, so columns are -1. Entry and exit have no line.
 *
 * <p>What Rhino gives no hook for is not fired: branches and jumps, calls ({@code CALL}), instructions and
 * generator suspension ({@code METHOD_YIELD}).
 */
package io.lowimpact.monitoring.rhino;
