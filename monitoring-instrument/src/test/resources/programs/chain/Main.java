import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.util.TreeSet;

/** Runs with Lowimpact's agent, then {@link Spy}: loads Lowimpact classes and the {@link Victim}. */
public class Main {
    public static void main(String[] args) throws Exception {
        try (Tool tool = Monitoring.useToolId(Monitoring.PROFILER_ID, "chain")) {
            CodeUnit.define(CodeUnitSpec.builder("chain", "unit").line(0, 4, 1).build());
            tool.registerCallback(Event.LINE, (code, line) -> null);
            tool.setEvents(EventSet.of(Event.LINE));
            tool.setEvents(EventSet.NONE);
        }
        System.out.println("victim answers " + new Victim().answer());
        Spy.retransform(Victim.class);
        System.out.println("victim answers " + new Victim().answer() + " after retransformation");
        System.out.println("Main given to the engine: " + Spy.given.contains("Main"));
        System.out.println("own classes given to the engine: " + Spy.ownGiven());
        System.out.println("own classes checked: " + (Spy.checked.size() >= 3));
        System.out.println("own classes changed: " + new TreeSet<>(Spy.changed));
    }
}
