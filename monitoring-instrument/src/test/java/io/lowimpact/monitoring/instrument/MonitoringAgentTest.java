package io.lowimpact.monitoring.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Without an agent, and with this class loaded from a directory rather than the agent jar. */
class MonitoringAgentTest {

    @Test
    void s38_notInstalledWithoutAgent() {
        assertFalse(MonitoringAgent.isInstalled());
    }

    @Test
    void s38_installOutsideTheAgentJarSaysWhy() {
        String location = MonitoringAgent.class.getProtectionDomain().getCodeSource().getLocation().toString();
        IllegalStateException e = assertThrows(IllegalStateException.class, MonitoringAgent::install);
        assertEquals("MonitoringAgent.install() needs the agent jar, but"
                + " io.lowimpact.monitoring.instrument.MonitoringAgent was loaded from " + location
                + " and no monitoring-agent.jar is on the class path:"
                + " run with -javaagent:monitoring-agent.jar, or put monitoring-agent.jar on the class path",
                e.getMessage());
        assertFalse(MonitoringAgent.isInstalled());
    }
}
