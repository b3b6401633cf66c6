import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ObjectName;

/**
 * Runs with Lowimpact's agent: prints whether HotSpot holds the agent's directive for its rewriting code before
 * any class gets probes, then lets a LINE tool give {@link Work} probes and prints what the directive says once
 * it is there (waiting up to {@code args[0]} ms for it), and the LINE events of Work.
 */
public class Main {

    private static final String PACKAGES = "io/lowimpact/monitoring/instrument/*.*";
    /** The first of the core's registration-only classes in the directive's second entry. */
    private static final String REGISTRATION = "io/lowimpact/monitoring/core/internal/UnitTables.*";

    public static void main(String[] args) throws Exception {
        System.out.println("before any probe: " + directive(PACKAGES));
        List<Integer> lines = new ArrayList<>();
        Tool tool = Monitoring.useToolId(Monitoring.COVERAGE_ID, "rewriterjit");
        tool.registerCallback(Event.LINE, (code, line) -> {
            lines.add(line);
            return Action.CONTINUE;
        });
        tool.setEvents(EventSet.of(Event.LINE));
        System.out.println("Work.twice(4) = " + Work.twice(4) + ", lines " + lines);
        long deadline = System.currentTimeMillis() + Long.parseLong(args[0]);
        String found = directive(PACKAGES);
        while (found.equals("none") && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            found = directive(PACKAGES);
        }
        System.out.println("after the first rewrite: " + found);
        System.out.println("the core's registration: " + directive(REGISTRATION));
    }

    /** @return "none", or what the directive that matches {@code pattern} (among others) tells C1 and C2 */
    private static String directive(String pattern) throws Exception {
        String all = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {null}, new String[] {String[].class.getName()});
        for (String block : all.split("Directive:")) {
            int matching = block.indexOf("matching: ");
            if (matching < 0) {
                continue;
            }
            String patterns = block.substring(matching + "matching: ".length(), block.indexOf('\n', matching));
            if (!List.of(patterns.trim().split(", ")).contains(pattern)) {
                continue; // HotSpot prints a directive's patterns in its own order
            }
            int c2 = block.indexOf("c2 directives:");
            return pattern + ": C1 " + (block.substring(0, c2).contains(" Exclude:true") ? "excluded" : "allowed")
                    + ", C2 " + (block.substring(c2).contains(" Exclude:true") ? "excluded" : "allowed");
        }
        return "none";
    }
}
