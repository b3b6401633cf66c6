package io.lowimpact.monitoring;

/**
 * The capability of one claimed tool id, returned by {@link Monitoring#useToolId(int, String)}.
 * Every per-tool operation of {@link Monitoring} is here in instance form.
 *
 * <p>A handle is valid until its id is freed ({@link #close()}, {@link Monitoring#freeToolId(int)}); after that,
 * every method but {@link #id()}, {@link #name()}, {@link #errorCount()} and {@link #close()} throws
 * {@link IllegalStateException}, even if the id has been claimed again by someone else.
 */
public interface Tool extends AutoCloseable {

    /** @return the tool id, 0 to 5 */
    int id();

    /** @return the name given when the id was claimed */
    String name();

    /**
     * Registers the callback for one event, replacing the previous one.
     *
     * @param event the event
     * @param callback the callback, or null to unregister
     * @param <C> the event's callback type
     * @return the previous callback, or null
     */
    <C> C registerCallback(Event<C> event, C callback);

    /**
     * Sets this tool's global events.
     *
     * @param events the events
     * @throws IllegalArgumentException if the set has {@code EXTERNAL_RETURN}/{@code EXTERNAL_RAISE} without {@code CALL}
     */
    void setEvents(EventSet events);

    /** @return this tool's global events ({@code EXTERNAL_*} are implied by {@code CALL} and not reported) */
    EventSet getEvents();

    /**
     * Sets this tool's local events for one unit; they add to the global ones. {@code EXTERNAL_RETURN} and
     * {@code EXTERNAL_RAISE} are not set here: they follow {@code CALL}, wherever it is set.
     *
     * @param code the unit
     * @param events events of kind {@link Event.Kind#LOCAL} only
     * @throws IllegalArgumentException if the set has an event that is not local
     */
    void setLocalEvents(CodeUnit code, EventSet events);

    /**
     * @param code the unit
     * @return the local events set for it, empty when never set
     */
    EventSet getLocalEvents(CodeUnit code);

    /**
     * Lets the runtime deliver some of this tool's events late, once per location ({@link
     * Monitoring#setDeferredEvents(int, EventSet)}).
     *
     * @param events the events to defer, of those that carry no value; empty for none
     * @throws IllegalArgumentException if the set holds an event that carries a value
     */
    void setDeferredEvents(EventSet events);

    /** @return this tool's deferred events */
    EventSet getDeferredEvents();

    /**
     * Lets the runtime count some of this tool's events instead of delivering each ({@link
     * Monitoring#setCountedEvents(int, EventSet, CountCallback)}).
     *
     * @param events the events to count, of {@link EventSet#COUNTABLE}; empty for none
     * @param callback receives the counts; may be null only when {@code events} is empty
     * @throws IllegalArgumentException if the set holds an event outside {@code COUNTABLE} or one this tool defers
     */
    void setCountedEvents(EventSet events, CountCallback callback);

    /** @return this tool's counted events */
    EventSet getCountedEvents();

    /**
     * Delivers this tool's deferred events and counts recorded so far, on this thread
     * ({@link Monitoring#flushEvents(int)}).
     */
    void flushEvents();

    /**
     * Re-enables every location this tool has disabled, and nothing of any other tool; delivers its deferred events
     * recorded before the call first.
     */
    void restartEvents();

    /** Unregisters all callbacks, sets no events, drops local events and DISABLE marks; keeps the id. */
    void clear();

    /**
     * Sets where this tool's callback errors go.
     *
     * @param handler the handler, or null for the default (one logged warning per event, then counting)
     */
    void onError(ErrorHandler handler);

    /** @return how many callback errors this tool has had */
    long errorCount();

    /** Frees the id ({@link Monitoring#freeToolId(int)}); does nothing if already freed. */
    @Override
    void close();
}
