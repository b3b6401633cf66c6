/**
 * Lowimpact's dispatcher: the implementation of {@code io.lowimpact.monitoring}. Exports nothing public;
 * its internal package is open to Lowimpact's own instrumenter only.
 */
@SuppressWarnings("module") // the instrument module is built after this one
module io.lowimpact.monitoring.core {
    requires io.lowimpact.monitoring;
    exports io.lowimpact.monitoring.core.internal to io.lowimpact.monitoring.instrument;
    provides io.lowimpact.monitoring.spi.MonitoringRuntime with io.lowimpact.monitoring.core.internal.CoreRuntime;
}
