/**
 * The java agent's public entry point, {@link io.lowimpact.monitoring.instrument.MonitoringAgent}: premain,
 * agentmain and run-time {@code install()}. Everything else of the instrumenter is internal.
 */
package io.lowimpact.monitoring.instrument;
