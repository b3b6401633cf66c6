/**
 * An instrumenting profiler on Lowimpact's public API: {@link io.lowimpact.tools.profiler.Profiler} records calls,
 * {@link io.lowimpact.tools.profiler.Profile} gives the figures, a top-N table, collapsed stacks and an HTML flame
 * graph. See {@code docs/profiler.md}.
 */
package io.lowimpact.tools.profiler;
