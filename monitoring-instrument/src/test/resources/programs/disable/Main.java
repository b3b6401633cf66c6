import app.Counter;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * S18, S29, S40 under the agent: tools A (id 0) and B (id 1) on LINE of {@link Counter#count}; A answers DISABLE to
 * every event, B at first never, later always. Prints each tool's lines per run.
 */
public class Main {

    public static void main(String[] args) {
        List<Integer> a = Collections.synchronizedList(new ArrayList<>());
        List<Integer> b = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Action> answerB = new AtomicReference<>(Action.CONTINUE);
        try (Tool toolA = Monitoring.useToolId(0, "A"); Tool toolB = Monitoring.useToolId(1, "B")) {
            toolA.registerCallback(Event.LINE, (code, line) -> record(code, line, a, Action.DISABLE));
            toolB.registerCallback(Event.LINE, (code, line) -> record(code, line, b, answerB.get()));
            toolA.setEvents(EventSet.of(Event.LINE));
            toolB.setEvents(EventSet.of(Event.LINE));
            for (int run = 1; run <= 3; run++) {
                run("run " + run, a, b);
            }
            toolA.restartEvents();
            System.out.println("A's events after restart: " + toolA.getEvents() + ", B's: " + toolB.getEvents());
            run("run 4 after A restarted", a, b);
            run("run 5", a, b);
            // B DISABLEs too: once both have, every site of Counter.count is patched out (S40); a restart of A
            // brings them back for A only.
            answerB.set(Action.DISABLE);
            run("run 6, B disables", a, b);
            run("run 7", a, b);
            toolA.restartEvents();
            run("run 8 after A restarted", a, b);
            run("run 9", a, b);
        }
    }

    private static Action record(CodeUnit code, int line, List<Integer> lines, Action answer) {
        if (!code.className().equals("app.Counter")) {
            return Action.CONTINUE;
        }
        lines.add(line);
        return answer;
    }

    private static void run(String what, List<Integer> a, List<Integer> b) {
        a.clear();
        b.clear();
        int result = Counter.count(3);
        System.out.println(what + ": " + result + " A " + a + " B " + b);
    }
}
