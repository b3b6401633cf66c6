/**
 * The binding between the API and its implementation. Exported only to {@code monitoring-core}.
 */
package io.lowimpact.monitoring.spi;
