import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs another program's main under a tool (design.md R2). Arguments: the mode, the main class, its arguments.
 * Modes: {@code none} (no tool), {@code all} (every event, no-op callbacks that never DISABLE), {@code coverage}
 * (LINE and both BRANCH events, DISABLE after the first hit). At exit it prints to stderr how many events the
 * tool saw, so that the caller can check the probes were there.
 */
public class ToolsMain {

    private static final LongAdder EVENTS = new LongAdder();

    public static void main(String[] args) throws Throwable {
        String mode = args[0];
        if (!mode.equals("none")) {
            Tool tool = Monitoring.useToolId(Monitoring.DEBUGGER_ID, "r2-" + mode);
            Action answer = mode.equals("coverage") ? Action.DISABLE : Action.CONTINUE;
            register(tool, answer);
            tool.setEvents(mode.equals("coverage") ? EventSet.of(Event.LINE, Event.BRANCH_LEFT, Event.BRANCH_RIGHT)
                    : EventSet.ALL);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("lowimpact events: "
                    + EVENTS.sum() + ", tool errors: " + tool.errorCount())));
        }
        Class.forName(args[1]).getMethod("main", String[].class)
                .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }

    static void register(Tool tool, Action answer) {
        tool.registerCallback(Event.METHOD_START, (code, offset) -> count(answer));
        tool.registerCallback(Event.METHOD_RESUME, (code, offset) -> count(answer));
        tool.registerCallback(Event.METHOD_RETURN, (code, offset, value) -> count(answer));
        tool.registerCallback(Event.METHOD_YIELD, (code, offset, value) -> count(answer));
        tool.registerCallback(Event.CALL, (code, offset, target, arg0) -> count(answer));
        tool.registerCallback(Event.LINE, (code, line) -> count(answer));
        tool.registerCallback(Event.INSTRUCTION, (code, offset) -> count(answer));
        tool.registerCallback(Event.JUMP, (code, from, to) -> count(answer));
        tool.registerCallback(Event.BRANCH_LEFT, (code, from, to) -> count(answer));
        tool.registerCallback(Event.BRANCH_RIGHT, (code, from, to) -> count(answer));
        tool.registerCallback(Event.STOP_ITERATION, (code, offset, e) -> count(answer));
        tool.registerCallback(Event.RAISE, (code, offset, e) -> count(answer));
        tool.registerCallback(Event.EXCEPTION_HANDLED, (code, offset, e) -> count(answer));
        tool.registerCallback(Event.METHOD_UNWIND, (code, offset, e) -> count(answer));
        tool.registerCallback(Event.METHOD_THROW, (code, offset, e) -> count(answer));
        tool.registerCallback(Event.RERAISE, (code, offset, e) -> count(answer));
        tool.registerCallback(Event.EXTERNAL_RETURN, (code, offset, target, arg0) -> count(answer));
        tool.registerCallback(Event.EXTERNAL_RAISE, (code, offset, target, arg0) -> count(answer));
    }

    private static Action count(Action answer) {
        EVENTS.increment();
        return answer;
    }
}
