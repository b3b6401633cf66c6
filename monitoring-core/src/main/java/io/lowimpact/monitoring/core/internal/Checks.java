package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CountCallback;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;

import java.util.Objects;

/** Argument checks of the public API, with the messages of docs/spec.md. */
final class Checks {

    private Checks() {
    }

    static int toolId(int id) {
        if (id < Monitoring.MIN_TOOL_ID || id > Monitoring.MAX_TOOL_ID) {
            throw new IllegalArgumentException("invalid tool " + id + " (must be between "
                    + Monitoring.MIN_TOOL_ID + " and " + Monitoring.MAX_TOOL_ID + ")");
        }
        return id;
    }

    static String toolName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("invalid tool name '" + name + "' (must not be null or blank)");
        }
        return name;
    }

    static Event<?> event(Event<?> event) {
        return Objects.requireNonNull(event, "event must not be null");
    }

    static Unit unit(CodeUnit code) {
        Objects.requireNonNull(code, "code must not be null");
        if (!(code instanceof Unit) || Control.INSTANCE.units().byId(code.id()) != code) {
            throw new IllegalArgumentException("unknown code unit " + code + " (not defined by this runtime)");
        }
        return (Unit) code;
    }

    static EventSet globalSet(EventSet events) {
        Objects.requireNonNull(events, "events must not be null");
        EventSet ancillary = events.intersect(EventSet.ANCILLARY);
        if (!ancillary.isEmpty() && !events.contains(Event.CALL)) {
            throw new IllegalArgumentException("EXTERNAL_RETURN and EXTERNAL_RAISE need CALL in the same set: " + ancillary);
        }
        return events;
    }

    static EventSet deferredSet(EventSet events) {
        Objects.requireNonNull(events, "events must not be null");
        EventSet valued = events.minus(EventSet.DEFERRABLE);
        if (!valued.isEmpty()) {
            throw new IllegalArgumentException("cannot defer " + valued + " (only events that carry no value can be"
                    + " deferred: " + EventSet.DEFERRABLE + ")");
        }
        return events;
    }

    static EventSet countedSet(EventSet events, CountCallback callback) {
        Objects.requireNonNull(events, "events must not be null");
        EventSet other = events.minus(EventSet.COUNTABLE);
        if (!other.isEmpty()) {
            throw new IllegalArgumentException("cannot count " + other + " (the events that can be counted: "
                    + EventSet.COUNTABLE + ")");
        }
        if (!events.isEmpty()) {
            Objects.requireNonNull(callback, "a count callback is needed to count " + events);
        }
        return events;
    }

    static EventSet localSet(EventSet events) {
        Objects.requireNonNull(events, "events must not be null");
        EventSet notLocal = events.minus(EventSet.LOCAL);
        if (!notLocal.isEmpty()) {
            throw new IllegalArgumentException("not local events: " + notLocal
                    + " (only local events can be set for a code unit)");
        }
        return events;
    }

    static int offset(Unit unit, int offset) {
        if (offset < 0 || offset >= unit.length()) {
            throw new IllegalArgumentException("offset " + offset + " outside code unit " + unit.className() + "."
                    + unit.methodName() + " (length " + unit.length() + ")");
        }
        return offset;
    }

    static CallTarget target(CallTarget target) {
        return Objects.requireNonNull(target, "target must not be null");
    }
}
