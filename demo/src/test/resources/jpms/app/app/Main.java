package app;
import io.lowimpact.monitoring.*;
public class Main {
    public static void main(String[] a) {
        Tool t = Monitoring.useToolId(1, "jpms");
        CodeUnit u = CodeUnit.define(CodeUnitSpec.builder("m", "f").length(2).line(0, 2, 1).build());
        t.registerCallback(Event.LINE, (c, l) -> { System.out.println("LINE " + l); return Action.CONTINUE; });
        t.setEvents(EventSet.of(Event.LINE));
        Monitoring.probe(u, Event.LINE, 0).fire();
    }
}
