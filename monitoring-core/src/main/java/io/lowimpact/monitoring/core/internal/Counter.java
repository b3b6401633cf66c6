package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CountCallback;

/**
 * A tool's count callback as the dispatcher's callback table holds it for the events the tool counts
 * ({@code Monitoring.setCountedEvents}): the dispatcher tells it from an event callback by its class, and passes it a
 * count instead of the event's arguments.
 */
final class Counter {

    final CountCallback callback;

    Counter(CountCallback callback) {
        this.callback = callback;
    }
}
