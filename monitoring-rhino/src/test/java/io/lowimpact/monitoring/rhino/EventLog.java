package io.lowimpact.monitoring.rhino;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.ExceptionCallback;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.ReturnCallback;
import io.lowimpact.monitoring.StartCallback;
import io.lowimpact.monitoring.Tool;

import org.mozilla.javascript.JavaScriptException;
import org.mozilla.javascript.RhinoException;

import java.util.ArrayList;
import java.util.List;

/**
 * A tool that records every event Rhino units of one source fire, as {@code "LINE f 3"},
 * {@code "METHOD_START f@0"}, {@code "RAISE f@2 boom"}, {@code "METHOD_RETURN f@5 6"}: unit by method name,
 * then the offset (or the line), then the value or the exception's JavaScript value.
 */
final class EventLog implements AutoCloseable {

    static final EventSet ALL = EventSet.of(Event.METHOD_START, Event.METHOD_RESUME, Event.METHOD_RETURN,
            Event.LINE, Event.RAISE, Event.RERAISE, Event.EXCEPTION_HANDLED, Event.METHOD_UNWIND);

    private final String source;
    private final Tool tool;
    private final List<String> events = new ArrayList<>();

    EventLog(int id, String source) {
        this.source = source;
        this.tool = Monitoring.useToolId(id, "event log");
        StartCallback start = (code, offset) -> add(code, "@" + offset, null);
        tool.registerCallback(Event.METHOD_START, start);
        tool.registerCallback(Event.METHOD_RESUME, (code, offset) -> add(code, "@" + offset, "RESUME"));
        ReturnCallback ret = (code, offset, value) -> add(code, "@" + offset + " " + Js.show(value), "RETURN");
        tool.registerCallback(Event.METHOD_RETURN, ret);
        tool.registerCallback(Event.LINE, (code, line) -> add(code, " " + line, "LINE"));
        tool.registerCallback(Event.RAISE, exception("RAISE"));
        tool.registerCallback(Event.RERAISE, exception("RERAISE"));
        tool.registerCallback(Event.EXCEPTION_HANDLED, exception("HANDLED"));
        tool.registerCallback(Event.METHOD_UNWIND, exception("UNWIND"));
        tool.setEvents(ALL);
    }

    /** Frees tool ids 0..5, so that a test starts with no tool of an earlier one. */
    static void freeAllTools() {
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            Monitoring.freeToolId(id);
        }
    }

    private ExceptionCallback exception(String name) {
        return (code, offset, ex) -> add(code, "@" + offset + " " + valueOf(ex), name);
    }

    static String valueOf(Throwable ex) {
        if (ex instanceof JavaScriptException) {
            return Js.show(((JavaScriptException) ex).getValue());
        }
        return ex instanceof RhinoException ? ((RhinoException) ex).details() : ex.toString();
    }

    private Action add(CodeUnit code, String what, String name) {
        if (source.equals(code.className())) {
            events.add((name == null ? "START" : name) + " " + code.methodName() + what);
        }
        return Action.CONTINUE;
    }

    /** @return the events so far, and forgets them */
    List<String> take() {
        List<String> copy = List.copyOf(events);
        events.clear();
        return copy;
    }

    Tool tool() {
        return tool;
    }

    @Override
    public void close() {
        tool.close();
    }
}
