/**
 * A trace printer on the legacy tracing facade ({@link io.lowimpact.monitoring.Tracing}): call, line, return and
 * exception events of selected classes or script units, indented by call depth. See
 * {@link io.lowimpact.tools.trace.TracePrinter}.
 */
package io.lowimpact.tools.trace;
