/**
 * The binding between the API and its implementation. For implementations of the runtime, not for tools.
 */
package io.lowimpact.monitoring.spi;
