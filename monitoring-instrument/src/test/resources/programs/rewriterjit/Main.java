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

    public static void main(String[] args) throws Exception {
        System.out.println("before any probe: " + directive());
        List<Integer> lines = new ArrayList<>();
        Tool tool = Monitoring.useToolId(Monitoring.COVERAGE_ID, "rewriterjit");
        tool.registerCallback(Event.LINE, (code, line) -> {
            lines.add(line);
            return Action.CONTINUE;
        });
        tool.setEvents(EventSet.of(Event.LINE));
        System.out.println("Work.twice(4) = " + Work.twice(4) + ", lines " + lines);
        long deadline = System.currentTimeMillis() + Long.parseLong(args[0]);
        String found = directive();
        while (found.equals("none") && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            found = directive();
        }
        System.out.println("after the first rewrite: " + found);
    }

    /** @return "none", or what the directive for the agent's packages tells C1 and C2 */
    private static String directive() throws Exception {
        String all = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {null}, new String[] {String[].class.getName()});
        int at = all.indexOf("matching: " + PACKAGES);
        if (at < 0) {
            return "none";
        }
        int next = all.indexOf("Directive:", at);
        String block = next < 0 ? all.substring(at) : all.substring(at, next);
        int c2 = block.indexOf("c2 directives:");
        return PACKAGES + ": C1 " + (block.substring(0, c2).contains(" Exclude:true") ? "excluded" : "allowed")
                + ", C2 " + (block.substring(c2).contains(" Exclude:true") ? "excluded" : "allowed");
    }
}
