import app.Chain;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.Tracing;

import java.util.ArrayList;
import java.util.List;

/**
 * S43 under the agent: a tracer (tool 7) sees the bytecode of {@link Chain} and an injected unit alike, beside a
 * coverage tool (tool 1) that DISABLEs each line after its first hit. Prints the trace of each run and what coverage
 * saw.
 */
public class Main {

    static final List<String> TRACE = new ArrayList<>();
    static final List<String> COVERAGE = new ArrayList<>();

    public static void main(String[] args) {
        CodeUnit template = CodeUnit.define(CodeUnitSpec.builder("page.tmpl", "render")
                .length(3).line(1, 2, 1).build());
        Probe start = Monitoring.probe(template, Event.METHOD_START, 0);
        Probe line = Monitoring.probe(template, Event.LINE, 1);
        Probe ret = Monitoring.probe(template, Event.METHOD_RETURN, 2);
        try (Tool coverage = Monitoring.useToolId(Monitoring.COVERAGE_ID, "coverage")) {
            coverage.registerCallback(Event.LINE, (code, l) -> {
                if (interesting(code)) {
                    COVERAGE.add(code.methodName() + ":" + l);
                }
                return Action.DISABLE;
            });
            coverage.setEvents(EventSet.of(Event.LINE));
            Tracing.setTrace(new Tracing.Tracer() {
                @Override
                public void onCall(CodeUnit code, int offset) {
                    add(code, "call@" + offset);
                }

                @Override
                public void onLine(CodeUnit code, int l) {
                    add(code, "line " + l);
                }

                @Override
                public void onReturn(CodeUnit code, int offset, Object value) {
                    add(code, "return@" + offset + " " + value);
                }

                @Override
                public void onException(CodeUnit code, int offset, Throwable exception) {
                    add(code, "exception@" + offset + " " + exception.getMessage());
                }
            });
            for (int run = 1; run <= 2; run++) {
                int a = Chain.outer(2);
                int b = Chain.outer(3);
                if (start.isActive()) {
                    start.fire();
                }
                if (line.isActive()) {
                    line.fire();
                }
                if (ret.isActive()) {
                    ret.fireReturn("<p>");
                }
                System.out.println("run " + run + ": " + a + " " + b);
                System.out.println("trace: " + String.join(", ", TRACE));
                System.out.println("coverage: " + COVERAGE);
                TRACE.clear();
                COVERAGE.clear();
            }
            Tracing.setTrace(null);
        }
    }

    static boolean interesting(CodeUnit code) {
        return code.className().equals("app.Chain") || code.className().equals("page.tmpl");
    }

    static void add(CodeUnit code, String what) {
        if (interesting(code)) {
            TRACE.add(code.methodName() + " " + what);
        }
    }
}
