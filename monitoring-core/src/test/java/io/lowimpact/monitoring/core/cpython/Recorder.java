package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CallCallback;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.ExceptionCallback;
import io.lowimpact.monitoring.InstructionCallback;
import io.lowimpact.monitoring.JumpCallback;
import io.lowimpact.monitoring.LineCallback;
import io.lowimpact.monitoring.ReturnCallback;
import io.lowimpact.monitoring.StartCallback;

import java.util.List;

/**
 * CPython's recorders ({@code RecorderWithDisable}, {@code ExceptionRecorder}, {@code LineRecorder}...) in one:
 * appends one string per event to a shared list, and returns DISABLE while {@link #disable} is set.
 *
 * <p>Formats, with {@code f} the Python function ({@link Ports#tag(CodeUnit)}) and an optional prefix:
 * {@code "METHOD_START f 0"} (offset), {@code "METHOD_RETURN f 4 20"} (offset, value), {@code "CALL f 4 len 40"}
 * (offset, target name, arg0), {@code "LINE f 2"} (line), {@code "INSTRUCTION f 6"} (offset),
 * {@code "BRANCH_LEFT f 8 10"} (from, to), {@code "RAISE f 6 ValueError(2)"} (offset, exception class and message).
 */
final class Recorder implements StartCallback, ReturnCallback, CallCallback, LineCallback,
        InstructionCallback, JumpCallback, ExceptionCallback {

    private final String prefix;
    private final Event<?> event;
    private final List<String> events;
    /** Whether to return DISABLE. */
    boolean disable;

    /**
     * @param event the event this recorder is registered for (callbacks do not learn it)
     * @param events where to append
     */
    Recorder(Event<?> event, List<String> events) {
        this("", event, events);
    }

    /**
     * @param prefix put before each entry, such as {@code "2: "} for a tool
     * @param event the event this recorder is registered for
     * @param events where to append
     */
    Recorder(String prefix, Event<?> event, List<String> events) {
        this.prefix = prefix;
        this.event = event;
        this.events = events;
    }

    private Action record(CodeUnit code, Object... values) {
        StringBuilder sb = new StringBuilder(prefix).append(event.name()).append(' ').append(Ports.tag(code));
        for (Object v : values) {
            sb.append(' ').append(v);
        }
        events.add(sb.toString());
        return disable ? Action.DISABLE : Action.CONTINUE;
    }

    /**
     * @param exception an exception
     * @return {@code "SimpleName(message)"}
     */
    static String describe(Throwable exception) {
        return exception.getClass().getSimpleName() + "(" + exception.getMessage() + ")";
    }

    @Override
    public Action onStart(CodeUnit code, int offset) {
        return record(code, offset);
    }

    @Override
    public Action onReturn(CodeUnit code, int offset, Object value) {
        return record(code, offset, value);
    }

    @Override
    public Action onCall(CodeUnit code, int offset, CallTarget target, Object arg0) {
        return record(code, offset, target.name(), arg0);
    }

    @Override
    public Action onLine(CodeUnit code, int line) {
        return record(code, line);
    }

    @Override
    public Action onInstruction(CodeUnit code, int offset) {
        return record(code, offset);
    }

    @Override
    public Action onJump(CodeUnit code, int from, int to) {
        return record(code, from, to);
    }

    @Override
    public Action onException(CodeUnit code, int offset, Throwable exception) {
        return record(code, offset, describe(exception));
    }
}
