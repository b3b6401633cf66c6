/**
 * Tools built on Lowimpact's public API only: the profiler ({@code io.lowimpact.tools.profiler}) and the trace
 * printer ({@code io.lowimpact.tools.trace}). The tools agent ({@code io.lowimpact.tools.internal}) is not exported.
 */
module io.lowimpact.tools {
    requires transitive io.lowimpact.monitoring; // Profiler.EVENTS is an EventSet

    exports io.lowimpact.tools.profiler;
    exports io.lowimpact.tools.trace;
}
