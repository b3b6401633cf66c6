package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.instrument.MonitoringAgent;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Runs in the JVM that failsafe starts with {@code -javaagent:monitoring-agent.jar}. */
class AgentIT {

    private static final List<String> RUNTIME = List.of("io.lowimpact.monitoring.Monitoring",
            "io.lowimpact.monitoring.CodeUnit", "io.lowimpact.monitoring.core.internal.Control",
            "io.lowimpact.monitoring.core.internal.CoreRuntime", "io.lowimpact.monitoring.core.internal.Bootstrap",
            "io.lowimpact.monitoring.instrument.internal.Engine",
            "io.lowimpact.monitoring.instrument.internal.agent.AgentMain");

    @Test
    void s38_agentIsInstalled() {
        assertTrue(MonitoringAgent.isInstalled());
        MonitoringAgent.install(); // a no-op now
        MonitoringAgent.install("bogus=1"); // options are ignored once the agent runs
        assertTrue(MonitoringAgent.isInstalled());
    }

    @Test
    void s42_runtimeIsLoadedOnceByTheBootstrapLoader() throws Exception {
        // Loads nothing from the class path, delegates to nobody but the bootstrap loader.
        try (URLClassLoader isolated = new URLClassLoader("isolated", new URL[0], null)) {
            for (String name : RUNTIME) {
                Class<?> seen = Class.forName(name, false, AgentIT.class.getClassLoader());
                assertNull(seen.getClassLoader(), name);
                assertSame(seen, Class.forName(name, false, isolated), name);
                assertSame(seen, Class.forName(name, false, ClassLoader.getPlatformClassLoader()), name);
            }
        }
        assertNull(Monitoring.class.getClassLoader());
    }

    @Test
    void s38_monitoringBindsToTheCore() {
        try (Tool tool = Monitoring.useToolId(4, "agent-it")) {
            assertEquals("io.lowimpact.monitoring.core.internal.ToolHandle", tool.getClass().getName());
            assertNull(tool.getClass().getClassLoader());
            assertEquals("agent-it", Monitoring.getTool(4).orElseThrow());
        }
        assertFalse(Monitoring.getTool(4).isPresent());
    }

    @Test
    void s24_codeUnitsOfMethodsGoToTheEngine() throws Exception {
        Method m = org.junit.jupiter.api.Assertions.class.getMethod("fail", String.class);
        try {
            CodeUnit unit = CodeUnit.of(m);
            assertEquals("fail", unit.methodName());
        } catch (IllegalStateException e) {
            // Without the agent the core answers this; with it, the engine must.
            assertFalse(e.getMessage().contains("need the monitoring agent"), e.getMessage());
        } catch (IllegalArgumentException e) {
            // The engine's answer for a method it has no unit for.
            assertTrue(e.getMessage().contains("fail"), e.getMessage());
        }
    }
}
