import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.instrument.MonitoringAgent;

/** A program outside the build's class path, run with the agent: the API works and binds to the agent's runtime. */
public class Main {
    public static void main(String[] args) {
        System.out.println("agent installed: " + MonitoringAgent.isInstalled());
        System.out.println("runtime in the bootstrap loader: " + (Monitoring.class.getClassLoader() == null));
        try (Tool tool = Monitoring.useToolId(Monitoring.COVERAGE_ID, "hello")) {
            System.out.println("tool " + tool.id() + ": " + Monitoring.getTool(Monitoring.COVERAGE_ID).orElse("?"));
            CodeUnit unit = CodeUnit.define(CodeUnitSpec.builder("templates.page", "render")
                    .sourceFile("page.tmpl").line(0, 10, 1).line(10, 20, 2).build());
            CodeUnit found = CodeUnit.find("templates.page", "render", "").orElseThrow();
            System.out.println("found: " + found.className() + "." + found.methodName() + " in "
                    + found.sourceFile() + ", same unit: " + (found == unit));
        }
        System.out.println("tool 1 after close: " + Monitoring.getTool(Monitoring.COVERAGE_ID).orElse("free"));
    }
}
