import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent option {@code dump=DIR} (args[0] is DIR): {@link Small} is written as instrumented while LINE is set,
 * its instrumented file goes when no tool needs probes in it, and comes back with LINE. The tool stays open at
 * exit, so DumpIT finds the instrumented class in DIR. Run with {@code exclude=Main}.
 */
public class Main {

    private static final List<Integer> lines = new ArrayList<>();

    public static void main(String[] args) {
        Path instrumented = Path.of(args[0], "Small.class");
        Tool tool = Monitoring.useToolId(Monitoring.COVERAGE_ID, "dump");
        tool.registerCallback(Event.LINE, (code, line) -> {
            synchronized (lines) {
                lines.add(line);
            }
            return Action.CONTINUE;
        });
        tool.setEvents(EventSet.of(Event.LINE));
        System.out.println("LINE: " + run() + ", dumped " + Files.exists(instrumented));
        tool.setEvents(EventSet.NONE);
        System.out.println("NONE: " + run() + ", dumped " + Files.exists(instrumented));
        tool.setEvents(EventSet.of(Event.LINE));
        System.out.println("LINE again: " + run() + ", dumped " + Files.exists(instrumented));
    }

    private static String run() {
        synchronized (lines) {
            lines.clear();
        }
        int result = Small.twice(4);
        synchronized (lines) {
            return "Small.twice(4) = " + result + ", lines " + lines;
        }
    }
}
