/** The profiler's recording (per-thread shadow stacks and call trees) and its outputs. Not an API. */
package io.lowimpact.tools.profiler.internal;
