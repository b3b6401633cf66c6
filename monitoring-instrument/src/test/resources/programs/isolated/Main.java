import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * S42: {@code iso.Worker} loaded by class loaders that delegate to nobody but the bootstrap loader, one before and
 * one after a tool sets LINE and METHOD_START. Prints the events of each run; the tool DISABLEs the loop body's
 * line (8) and restarts.
 */
public class Main {

    private static final List<String> events = Collections.synchronizedList(new ArrayList<>());
    /** The unit whose events a run expects; events of iso.Worker from any other unit are counted. */
    private static volatile CodeUnit expected;
    private static final AtomicInteger strays = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        URL classes = Main.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader before = new URLClassLoader("isolated-before", new URL[] {classes}, null);
                URLClassLoader after = new URLClassLoader("isolated-after", new URL[] {classes}, null)) {
            Method early = Class.forName("iso.Worker", true, before).getMethod("triple", int.class);
            System.out.println("parent: " + before.getParent() + ", defined by " + name(early)
                    + ", sees the agent's Monitoring: "
                    + (Class.forName(Monitoring.class.getName(), false, before) == Monitoring.class));

            Tool tool = Monitoring.useToolId(Monitoring.COVERAGE_ID, "isolated");
            tool.registerCallback(Event.METHOD_START, (code, offset) -> record(code, "START @" + offset));
            tool.registerCallback(Event.LINE, (code, line) -> {
                record(code, "LINE " + line);
                return line == 8 && code.className().equals("iso.Worker") ? Action.DISABLE : Action.CONTINUE;
            });
            tool.setEvents(EventSet.of(Event.LINE, Event.METHOD_START));

            CodeUnit unit = CodeUnit.of(early);
            System.out.println("unit: " + name(unit) + unit.descriptor() + ", first line " + unit.firstLine()
                    + ", lines " + unit.lines().size());
            run("run 1", early, unit);
            run("run 2", early, unit);
            tool.restartEvents();
            run("after restart", early, unit);

            Method late = Class.forName("iso.Worker", true, after).getMethod("triple", int.class);
            CodeUnit lateUnit = CodeUnit.of(late);
            System.out.println("second loader's class: defined by " + name(late) + ", its own unit: "
                    + (lateUnit.id() != unit.id()));
            run("second loader run 1", late, lateUnit);
            run("second loader run 2", late, lateUnit);
            run("first loader again", early, unit);
            tool.close();
        }
    }

    private static Action record(CodeUnit code, String event) {
        if (code.className().equals("iso.Worker")) {
            events.add(event);
            if (code.id() != expected.id()) {
                strays.incrementAndGet();
            }
        }
        return Action.CONTINUE;
    }

    private static void run(String what, Method triple, CodeUnit unit) throws ReflectiveOperationException {
        events.clear();
        expected = unit;
        Object result = triple.invoke(null, 2);
        System.out.println(what + ": " + result + " " + events + (strays.get() == 0 ? "" : ", other units!"));
    }

    private static String name(CodeUnit code) {
        return code.className() + "." + code.methodName();
    }

    private static String name(Method m) {
        return m.getDeclaringClass().getClassLoader().getName();
    }
}
