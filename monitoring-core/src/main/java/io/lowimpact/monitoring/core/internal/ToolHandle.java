package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CountCallback;
import io.lowimpact.monitoring.ErrorHandler;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Tool;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The capability of one claim of a tool id: it acts only while its id has not been freed since (S6).
 */
final class ToolHandle implements Tool {

    private final Control control;
    private final int id;
    final int generation;
    private final String name;
    private final AtomicLong errors;

    ToolHandle(Control control, int id, int generation, String name, AtomicLong errors) {
        this.control = control;
        this.id = id;
        this.generation = generation;
        this.name = name;
        this.errors = errors;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public <C> C registerCallback(Event<C> event, C callback) {
        Checks.event(event);
        return event.cast(control.events().registerCallback(id, this, event, event.cast(callback)));
    }

    @Override
    public void setEvents(EventSet events) {
        control.events().setEvents(id, this, Checks.globalSet(events));
    }

    @Override
    public EventSet getEvents() {
        return control.events().getEvents(id, this);
    }

    @Override
    public void setLocalEvents(CodeUnit code, EventSet events) {
        control.events().setLocalEvents(id, this, Checks.unit(code), Checks.localSet(events));
    }

    @Override
    public EventSet getLocalEvents(CodeUnit code) {
        return control.events().getLocalEvents(id, this, Checks.unit(code));
    }

    @Override
    public void setDeferredEvents(EventSet events) {
        control.events().setDeferred(id, this, Checks.deferredSet(events));
    }

    @Override
    public EventSet getDeferredEvents() {
        return control.events().getDeferred(id, this);
    }

    @Override
    public void setCountedEvents(EventSet events, CountCallback callback) {
        control.events().setCounted(id, this, Checks.countedSet(events, callback), callback);
    }

    @Override
    public EventSet getCountedEvents() {
        return control.events().getCounted(id, this);
    }

    @Override
    public void flushEvents() {
        control.restarts().flush(id, this);
    }

    @Override
    public void restartEvents() {
        control.restarts().restart(id, this);
    }

    @Override
    public void clear() {
        control.clear(id, this);
    }

    @Override
    public void onError(ErrorHandler handler) {
        control.onError(id, this, handler);
    }

    @Override
    public long errorCount() {
        return errors.get();
    }

    @Override
    public void close() {
        control.free(id, this);
    }

    String describe() {
        return "tool '" + name + "' (id " + id + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
