/**
 * Lowimpact's public monitoring API: tool ids, events, callbacks, code units and probes.
 * The implementation ({@code io.lowimpact.monitoring.core}) is found through {@link java.util.ServiceLoader}.
 */
module io.lowimpact.monitoring {
    exports io.lowimpact.monitoring;
    exports io.lowimpact.monitoring.spi;
    uses io.lowimpact.monitoring.spi.MonitoringRuntime;
}
