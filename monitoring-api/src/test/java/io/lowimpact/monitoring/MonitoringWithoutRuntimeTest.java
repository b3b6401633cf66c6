package io.lowimpact.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** S1 constants, and the failure when no runtime ({@code monitoring-core}) is on the class path. */
class MonitoringWithoutRuntimeTest {

    private static final String NO_RUNTIME = "no Lowimpact runtime found";

    private static void assertNoRuntime(Executable call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call);
        assertTrue(e.getMessage().startsWith(NO_RUNTIME), e.getMessage());
    }

    @Test
    void s1_toolIdConstants() {
        assertEquals(0, Monitoring.DEBUGGER_ID);
        assertEquals(1, Monitoring.COVERAGE_ID);
        assertEquals(2, Monitoring.PROFILER_ID);
        assertEquals(5, Monitoring.OPTIMIZER_ID);
        assertEquals(0, Monitoring.MIN_TOOL_ID);
        assertEquals(5, Monitoring.MAX_TOOL_ID);
    }

    @Test
    void s8_missingIsOneSentinel() {
        assertEquals("MISSING", Monitoring.MISSING.toString());
        assertTrue(Monitoring.MISSING == Monitoring.MISSING);
    }

    @Test
    void s2_useToolIdWithoutRuntimeSaysSo() {
        assertNoRuntime(() -> Monitoring.useToolId(Monitoring.COVERAGE_ID, "coverage"));
    }

    @Test
    void s2_everyRuntimeMethodWithoutRuntimeSaysSo() {
        assertNoRuntime(() -> Monitoring.getTool(0));
        assertNoRuntime(() -> Monitoring.freeToolId(0));
        assertNoRuntime(() -> Monitoring.setEvents(0, EventSet.NONE));
        assertNoRuntime(() -> Monitoring.getEvents(0));
        assertNoRuntime(Monitoring::restartEvents);
        assertNoRuntime(() -> CodeUnit.define(CodeUnitSpec.builder("t.page", "render").length(3).build()));
        assertNoRuntime(() -> CodeUnit.find("t.page", "render", ""));
    }

    @Test
    void s43_tracingWithoutRuntimeSaysSo() {
        assertEquals(6, Tracing.PROFILE_ID);
        assertEquals(7, Tracing.TRACE_ID);
        assertNoRuntime(() -> Tracing.setTrace(null));
        assertNoRuntime(() -> Tracing.setTraceAllThreads(null));
        assertNoRuntime(Tracing::getTrace);
        assertNoRuntime(() -> Tracing.setProfile(null));
        assertNoRuntime(() -> Tracing.setProfileAllThreads(null));
        assertNoRuntime(Tracing::getProfile);
    }
}
