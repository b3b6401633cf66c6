/**
 * The implementation of the monitoring API. Not a public API: only Lowimpact's own modules use it.
 *
 * <p>Shape: {@link io.lowimpact.monitoring.core.internal.Control} owns all mutable state behind one lock;
 * each location is a {@link io.lowimpact.monitoring.core.internal.Site} whose volatile {@code mask} holds the
 * tools that receive it; {@link io.lowimpact.monitoring.core.internal.Dispatcher} delivers without locks.
 */
package io.lowimpact.monitoring.core.internal;
