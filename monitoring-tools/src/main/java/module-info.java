/**
 * Tools built on Lowimpact's public API only: the profiler ({@code io.lowimpact.tools.profiler}). The tools agent
 * ({@code io.lowimpact.tools.internal}) is not exported.
 */
module io.lowimpact.tools {
    requires io.lowimpact.monitoring;

    exports io.lowimpact.tools.profiler;
}
