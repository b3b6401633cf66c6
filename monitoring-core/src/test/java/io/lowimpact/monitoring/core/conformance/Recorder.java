package io.lowimpact.monitoring.core.conformance;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CallCallback;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.ErrorHandler;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.ExceptionCallback;
import io.lowimpact.monitoring.InstructionCallback;
import io.lowimpact.monitoring.JumpCallback;
import io.lowimpact.monitoring.LineCallback;
import io.lowimpact.monitoring.ReturnCallback;
import io.lowimpact.monitoring.StartCallback;
import io.lowimpact.monitoring.Tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Records deliveries as strings such as {@code "1:LINE unit=a line=7"} (tool id, event, unit alias, arguments),
 * so that tests can compare whole event streams with {@code assertEquals}. Units are shown by the alias given
 * with {@link #alias(CodeUnit, String)}, else by id. Thread-safe.
 */
final class Recorder {

    private final List<String> events = new ArrayList<>();
    private final Map<Integer, String> aliases = new ConcurrentHashMap<>();

    /** Names a unit in recorded strings. */
    CodeUnit alias(CodeUnit unit, String alias) {
        aliases.put(unit.id(), alias);
        return unit;
    }

    /** Adds an entry by hand (markers between phases of a test). */
    void add(String entry) {
        synchronized (events) {
            events.add(entry);
        }
    }

    /** @return a copy of the entries so far */
    List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** @return the entries so far, and forgets them */
    List<String> take() {
        synchronized (events) {
            List<String> copy = List.copyOf(events);
            events.clear();
            return copy;
        }
    }

    String unit(CodeUnit code) {
        if (code == null) {
            return "null";
        }
        String alias = aliases.get(code.id());
        return alias != null ? alias : String.valueOf(code.id());
    }

    /** A callback for {@code event} that records and returns CONTINUE. */
    <C> C callback(int tool, Event<C> event) {
        return callback(tool, event, () -> Action.CONTINUE);
    }

    /** A callback for {@code event} that records and returns {@code action}. */
    <C> C callback(int tool, Event<C> event, Action action) {
        return callback(tool, event, () -> action);
    }

    /** A callback for {@code event} that records, then runs {@code then} and returns what it returns. */
    <C> C callback(int tool, Event<C> event, Supplier<Action> then) {
        String p = tool + ":" + event.name() + " unit=";
        Class<C> type = event.callbackType();
        Object cb;
        if (type == StartCallback.class) {
            cb = (StartCallback) (code, offset) -> record(p + unit(code) + " offset=" + offset, then);
        } else if (type == ReturnCallback.class) {
            cb = (ReturnCallback) (code, offset, value) ->
                    record(p + unit(code) + " offset=" + offset + " value=" + value, then);
        } else if (type == CallCallback.class) {
            cb = (CallCallback) (code, offset, target, arg0) ->
                    record(p + unit(code) + " offset=" + offset + " target=" + target + " arg0=" + arg0, then);
        } else if (type == LineCallback.class) {
            cb = (LineCallback) (code, line) -> record(p + unit(code) + " line=" + line, then);
        } else if (type == InstructionCallback.class) {
            cb = (InstructionCallback) (code, offset) -> record(p + unit(code) + " offset=" + offset, then);
        } else if (type == JumpCallback.class) {
            cb = (JumpCallback) (code, from, to) -> record(p + unit(code) + " from=" + from + " to=" + to, then);
        } else if (type == ExceptionCallback.class) {
            cb = (ExceptionCallback) (code, offset, exception) ->
                    record(p + unit(code) + " offset=" + offset + " exception=" + exception, then);
        } else {
            throw new AssertionError("unknown callback type " + type);
        }
        return event.cast(cb);
    }

    /** Registers a recording callback (CONTINUE) for {@code event} with {@code tool}. */
    <C> void on(Tool tool, Event<C> event) {
        tool.registerCallback(event, callback(tool.id(), event));
    }

    /** Registers a recording callback that returns {@code action} for {@code event} with {@code tool}. */
    <C> void on(Tool tool, Event<C> event, Action action) {
        tool.registerCallback(event, callback(tool.id(), event, action));
    }

    /** Registers a recording callback that runs {@code then} for {@code event} with {@code tool}. */
    <C> void on(Tool tool, Event<C> event, Supplier<Action> then) {
        tool.registerCallback(event, callback(tool.id(), event, then));
    }

    /** Registers recording callbacks (CONTINUE) for every event with {@code tool}. */
    void onAll(Tool tool) {
        for (Event<?> e : Event.values()) {
            register(tool, e);
        }
    }

    private <C> void register(Tool tool, Event<C> event) {
        on(tool, event);
    }

    /** An error handler that records {@code "1:error LINE unit=a java.lang.IllegalStateException: boom"}. */
    ErrorHandler errors(int tool) {
        return (event, code, error) -> add(tool + ":error " + event.name() + " unit=" + unit(code) + " " + error);
    }

    private Action record(String entry, Supplier<Action> then) {
        add(entry);
        return then.get();
    }
}
