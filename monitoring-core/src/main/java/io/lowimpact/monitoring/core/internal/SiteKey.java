package io.lowimpact.monitoring.core.internal;

/**
 * The identity of a location in a unit: an event and an offset, or an edge {@code offset -> to}.
 *
 * @param event the event's ordinal
 * @param offset the offset, or an edge's {@code from}
 * @param to an edge's destination, else -1
 */
record SiteKey(int event, int offset, int to) {
}
