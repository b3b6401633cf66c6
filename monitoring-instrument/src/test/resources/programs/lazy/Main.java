import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CallCallback;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.io.IOException;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Runs with Lowimpact's agent, then {@link Spy} watching {@link Target} and {@link Other}: prints, at each step
 * of a tool's life, which watched classes the agent retransformed, whether their current bytes are the original
 * class files, and the LINE events of their methods; writes the current bytes to {@code args[0]/<step>-<Class>.class}
 * for the test to look into.
 */
public class Main {

    private static final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private static Path out;
    private static Path classes;

    public static void main(String[] args) throws Exception {
        out = Files.createDirectories(Path.of(args[0]));
        classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        run("loaded");
        show("start");

        Tool line = Monitoring.useToolId(Monitoring.COVERAGE_ID, "lazy");
        line.registerCallback(Event.LINE, Main::onLine);
        line.setEvents(EventSet.of(Event.LINE));
        System.out.println("setEvents(LINE) retransformed " + Spy.retransformed());
        show("line");
        run("with LINE");

        line.setEvents(EventSet.NONE);
        System.out.println("setEvents(NONE) retransformed " + Spy.retransformed());
        show("none");
        run("after NONE");

        line.setEvents(EventSet.of(Event.LINE));
        System.out.println("setEvents(LINE) again retransformed " + Spy.retransformed());
        Monitoring.freeToolId(Monitoring.COVERAGE_ID);
        System.out.println("freeToolId retransformed " + Spy.retransformed());
        show("freed");
        run("after freeToolId");

        try (Tool local = Monitoring.useToolId(Monitoring.PROFILER_ID, "local")) {
            local.registerCallback(Event.LINE, Main::onLine);
            CodeUnit first = CodeUnit.of(Target.class.getMethod("first", int.class));
            local.setLocalEvents(first, EventSet.of(Event.LINE));
            System.out.println("setLocalEvents(first, LINE) retransformed " + Spy.retransformed());
            show("local");
            run("with local LINE");
            local.setLocalEvents(first, EventSet.NONE);
            System.out.println("setLocalEvents(first, NONE) retransformed " + Spy.retransformed());
            show("local-none");
            run("after local NONE");
        }
        System.out.println("close retransformed " + Spy.retransformed());

        // A class first instrumented for LINE alone gets its units' call targets when a tool sets CALL later.
        try (Tool calls = Monitoring.useToolId(Monitoring.COVERAGE_ID, "calls")) {
            calls.registerCallback(Event.LINE, (code, at) -> Action.CONTINUE);
            calls.setEvents(EventSet.of(Event.LINE));
            Caller.call("ab");
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            calls.registerCallback(Event.CALL, callsIn("Caller", seen));
            calls.setEvents(EventSet.of(Event.LINE, Event.CALL));
            System.out.println("CALL after LINE: result " + Caller.call("abc") + ", calls " + seen);
        }
        CodeUnit.of(Later.class.getMethod("call", String.class));
        try (Tool calls = Monitoring.useToolId(Monitoring.COVERAGE_ID, "calls")) {
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            calls.registerCallback(Event.CALL, callsIn("Later", seen));
            calls.setEvents(EventSet.of(Event.CALL));
            System.out.println("CALL after CodeUnit.of: result " + Later.call("abc") + ", calls " + seen);
        }
    }

    /** A CALL callback that records each call made in {@code className}: method, offset, target and arg0. */
    private static CallCallback callsIn(String className, List<String> seen) {
        return (code, offset, target, arg0) -> {
            if (code.className().equals(className)) {
                seen.add(code.methodName() + " " + offset + " " + target + " arg0=" + arg0);
            }
            return Action.CONTINUE;
        };
    }

    private static Action onLine(CodeUnit code, int line) {
        if (code.className().equals("Target") || code.className().equals("Other")) {
            lines.add(code.className() + "." + code.methodName() + ":" + line);
        }
        return Action.CONTINUE;
    }

    /** Runs the watched methods and prints their results and the LINE events they fired. */
    private static void run(String when) {
        lines.clear();
        int results = Target.first(2) + Target.second(5) + Other.work(7);
        System.out.println(when + ": results " + results + ", lines " + lines);
    }

    /** Prints, for each watched class, whether its current bytes are the original class file, and keeps them. */
    private static void show(String step) throws IOException, UnmodifiableClassException {
        StringBuilder b = new StringBuilder(step + ":");
        for (Class<?> c : List.of(Target.class, Other.class)) {
            byte[] current = Spy.current(c);
            byte[] original = Files.readAllBytes(classes.resolve(c.getName() + ".class"));
            Files.write(out.resolve(step + "-" + c.getName() + ".class"), current);
            b.append(' ').append(c.getName()).append(Arrays.equals(current, original) ? " original" : " changed");
        }
        System.out.println(b);
    }
}
