package io.lowimpact.monitoring.instrument.it;

import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.instrument.MonitoringAgent;

/**
 * Run by {@link InstallIT} in a JVM started without {@code -javaagent}, with the agent jar and the test classes
 * on the class path: installs the agent at run time, first with a bad option.
 */
public final class InstallMain {

    private InstallMain() {
    }

    public static void main(String[] args) {
        System.out.println("installed: " + MonitoringAgent.isInstalled());
        try {
            MonitoringAgent.install("bogus=1");
            System.out.println("bogus option accepted");
        } catch (IllegalStateException e) {
            System.out.println("refused: " + e.getMessage());
        }
        System.out.println("installed: " + MonitoringAgent.isInstalled());
        MonitoringAgent.install();
        System.out.println("installed: " + MonitoringAgent.isInstalled());
        try (Tool tool = Monitoring.useToolId(Monitoring.DEBUGGER_ID, "install-it")) {
            System.out.println("tool: " + tool.name());
        }
        System.out.println("runtime in the bootstrap loader: " + (Monitoring.class.getClassLoader() == null));
        MonitoringAgent.install("log=debug");
        System.out.println("installed again: " + MonitoringAgent.isInstalled());
    }
}
