package example.selfcheck;

import example.app.Main;
import example.app.Shop;

import io.lowimpact.coverage.Coverage;
import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The coverage tool measuring itself (CoverageAgentIT): run under the monitoring agent (including
 * {@code example.app.**} and the coverage tool's own {@code io.lowimpact.coverage.**}) and the coverage agent
 * (tool A, id 1, recording {@code example.app}). With a file name as first argument, a second tool B (id 3, a
 * minimal line recorder on the public API, outside the included packages) records the lines of the coverage tool's
 * own classes that run while A records the target in two contexts, each of which restarts A's events. B returns
 * DISABLE at every location, so A's restart for the second context must not make B see A's code again: B writes
 * each line's event count after each context ({@code first}, {@code second}) and at the end ({@code end}).
 *
 * <p>Arguments: {@code B_OUT|- A_DATA}; A's data is dumped to {@code A_DATA} through the API at the end.
 */
public final class SelfMain {

    private static final String MEASURED = "io.lowimpact.coverage.";

    private final Tool tool = Monitoring.useToolId(3, "self-check");
    private final Map<String, AtomicInteger> events = new ConcurrentHashMap<>();

    private SelfMain() {
        tool.registerCallback(Event.LINE, (code, line) -> {
            if (code.className().startsWith(MEASURED)) {
                events.computeIfAbsent(code.className() + " " + line, k -> new AtomicInteger()).incrementAndGet();
            }
            return Action.DISABLE;
        });
        tool.setEvents(EventSet.of(Event.LINE));
    }

    private List<String> counts(String phase) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(events).forEach((k, v) -> out.add(phase + " " + k + " " + v.get()));
        return out;
    }

    public static void main(String[] args) throws Exception {
        SelfMain b = args[0].equals("-") ? null : new SelfMain();
        Coverage a = Coverage.running().orElseThrow();
        List<String> lines = new ArrayList<>();
        // Two contexts that run the same code of A: each restarts A's events (a new context), records the target,
        // and ends without a restart.
        for (String context : new String[] {"first", "second"}) {
            a.switchContext(context);
            Main.main(new String[0]);
            a.switchContext(null);
            if (b != null) {
                lines.addAll(b.counts(context));
            }
        }
        System.out.println("restocked: " + new Shop(1).restock(2));
        a.dump(Path.of(args[1]));
        if (b != null) {
            lines.addAll(b.counts("end"));
            Files.write(Path.of(args[0]), lines);
        }
    }
}
