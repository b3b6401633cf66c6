package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.JumpCallback;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers a callback for every event on one tool and records what it receives, both raw ({@link #events()})
 * and as one line per event ({@link #lines()}):
 * <pre>
 * METHOD_START IfElse.sign                     (offset 0; any other offset is shown as "@n")
 * METHOD_RETURN IfElse.sign 6 value=-1
 * METHOD_UNWIND Thrower.fail 0 IllegalStateException
 * LINE 14
 * INSTRUCTION 5
 * JUMP 16->4
 * BRANCH_LEFT 1->4
 * CALL 10 java.lang.IllegalArgumentException.&lt;init&gt; arg0=zero
 * EXTERNAL_RETURN 10 java.lang.IllegalArgumentException.&lt;init&gt; arg0=zero
 * RAISE 13 IllegalArgumentException
 * </pre>
 * Classes of the targets package are named without their package. Values are shown without calling any
 * target code (see {@link #show}).
 */
public final class Recorder {

    /** One delivery as received. {@code to} is -1 but for edges; {@code value} the return value, arg0 or exception. */
    public record Ev(Event<?> event, CodeUnit code, int offset, int to, Object value, CallTarget target, Thread thread) {
    }

    private final Tool tool;
    private final List<Ev> events = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    private Recorder(Tool tool) {
        this.tool = tool;
    }

    /** Claims {@code toolId}, registers every callback and sets {@code events} globally. */
    public static Recorder start(int toolId, EventSet events) {
        Recorder r = new Recorder(Monitoring.useToolId(toolId, "recorder-" + toolId));
        r.registerAll();
        r.tool.setEvents(events);
        return r;
    }

    /** Claims {@code toolId} and registers every callback, with no events set. */
    public static Recorder idle(int toolId) {
        Recorder r = new Recorder(Monitoring.useToolId(toolId, "recorder-" + toolId));
        r.registerAll();
        return r;
    }

    public Tool tool() {
        return tool;
    }

    /** @return the lines recorded so far (a copy) */
    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** @return the deliveries recorded so far (a copy) */
    public synchronized List<Ev> events() {
        return new ArrayList<>(events);
    }

    public synchronized void clear() {
        lines.clear();
        events.clear();
    }

    /**
     * A callback for one edge event on its own, for a test that registers its tool's callbacks itself.
     *
     * @param label what each line starts with, for example the event's name
     * @param into gets {@code label from->to} per delivery
     * @param answer what the callback returns
     */
    public static JumpCallback edgesInto(String label, List<String> into, Action answer) {
        return (code, from, to) -> {
            into.add(label + " " + from + "->" + to);
            return answer;
        };
    }

    private void registerAll() {
        tool.registerCallback(Event.METHOD_START, (c, o) ->
                add(new Ev(Event.METHOD_START, c, o, -1, null, null, Thread.currentThread()),
                        "METHOD_START " + unit(c) + (o == 0 ? "" : "@" + o)));
        tool.registerCallback(Event.METHOD_RETURN, (c, o, v) ->
                add(new Ev(Event.METHOD_RETURN, c, o, -1, v, null, Thread.currentThread()),
                        "METHOD_RETURN " + unit(c) + " " + o + " value=" + show(v)));
        tool.registerCallback(Event.LINE, (c, line) ->
                add(new Ev(Event.LINE, c, line, -1, null, null, Thread.currentThread()), "LINE " + line));
        tool.registerCallback(Event.INSTRUCTION, (c, o) ->
                add(new Ev(Event.INSTRUCTION, c, o, -1, null, null, Thread.currentThread()), "INSTRUCTION " + o));
        edge(Event.JUMP);
        edge(Event.BRANCH_LEFT);
        edge(Event.BRANCH_RIGHT);
        call(Event.CALL);
        call(Event.EXTERNAL_RETURN);
        call(Event.EXTERNAL_RAISE);
        exception(Event.RAISE, false);
        exception(Event.RERAISE, false);
        exception(Event.EXCEPTION_HANDLED, false);
        exception(Event.METHOD_UNWIND, true);
    }

    private void edge(Event<io.lowimpact.monitoring.JumpCallback> event) {
        tool.registerCallback(event, (c, from, to) ->
                add(new Ev(event, c, from, to, null, null, Thread.currentThread()), event.name() + " " + from + "->" + to));
    }

    private void call(Event<io.lowimpact.monitoring.CallCallback> event) {
        tool.registerCallback(event, (c, o, target, arg0) ->
                add(new Ev(event, c, o, -1, arg0, target, Thread.currentThread()),
                        event.name() + " " + o + " " + className(target.owner()) + "." + target.name() + " arg0=" + show(arg0)));
    }

    private void exception(Event<io.lowimpact.monitoring.ExceptionCallback> event, boolean named) {
        tool.registerCallback(event, (c, o, e) ->
                add(new Ev(event, c, o, -1, e, null, Thread.currentThread()),
                        event.name() + " " + (named ? unit(c) + " " : "") + o + " " + show(e)));
    }

    private synchronized Action add(Ev ev, String line) {
        events.add(ev);
        lines.add(line);
        return Action.CONTINUE;
    }

    /** @return {@code Class.method}, the class without the targets package */
    public static String unit(CodeUnit c) {
        return className(c.className()) + "." + c.methodName();
    }

    static String className(String name) {
        String dotted = name.replace('/', '.');
        return dotted.startsWith(Instrumented.TARGETS) ? dotted.substring(Instrumented.TARGETS.length()) : dotted;
    }

    /**
     * A value as a line shows it, without running target code: strings, boxed primitives and null as they are,
     * enum constants by name, exceptions, lambdas ({@code lambda}) and other objects by simple class name,
     * arrays as {@code int[3]}.
     */
    public static String show(Object v) {
        if (v == null || v == Monitoring.MISSING || v instanceof String || v instanceof Number || v instanceof Boolean
                || v instanceof Character) {
            return String.valueOf(v);
        }
        if (v instanceof Enum<?>) {
            return ((Enum<?>) v).name();
        }
        Class<?> c = v.getClass();
        if (c.isHidden()) {
            return "lambda";
        }
        if (c.isArray()) {
            return c.getComponentType().getSimpleName() + "[" + java.lang.reflect.Array.getLength(v) + "]";
        }
        String name = c.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
