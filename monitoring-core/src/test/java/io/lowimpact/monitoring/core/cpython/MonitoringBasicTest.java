package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.lowimpact.monitoring.core.cpython.Ports.TEST_TOOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Port of CPython's {@code MonitoringBasicTest} ({@code Lib/test/test_monitoring.py}): the objects of the API,
 * claiming and freeing a tool, and {@code clear_tool_id}. S1–S5, S7, S10.
 */
class MonitoringBasicTest {

    @AfterEach
    void freeTools() {
        Ports.freeAllTools();
    }

    /** {@code test_has_objects}. */
    @Test
    void hasObjects() {
        assertEquals(0, Monitoring.DEBUGGER_ID);
        assertEquals(1, Monitoring.COVERAGE_ID);
        assertEquals(2, Monitoring.PROFILER_ID);
        assertEquals(5, Monitoring.OPTIMIZER_ID);
        assertSame(Action.DISABLE, Monitoring.DISABLE);
        assertNotNull(Monitoring.MISSING);
        assertTrue(EventSet.NONE.isEmpty());
        assertEquals(18, Event.values().size());
    }

    /** {@code test_tool}: CPython raises ValueError where we raise IllegalArgumentException/IllegalStateException. */
    @Test
    void tool() {
        Monitoring.useToolId(TEST_TOOL, "MonitoringTest.Tool");
        assertEquals(Optional.of("MonitoringTest.Tool"), Monitoring.getTool(TEST_TOOL));
        Monitoring.setEvents(TEST_TOOL, EventSet.ofMask(15));
        assertEquals(EventSet.ofMask(15), Monitoring.getEvents(TEST_TOOL));
        assertEquals(EventSet.of(Event.METHOD_START, Event.METHOD_RESUME, Event.METHOD_RETURN, Event.METHOD_YIELD),
                Monitoring.getEvents(TEST_TOOL));
        Monitoring.setEvents(TEST_TOOL, EventSet.NONE);
        IllegalArgumentException externalReturn = assertThrows(IllegalArgumentException.class,
                () -> Monitoring.setEvents(TEST_TOOL, EventSet.of(Event.EXTERNAL_RETURN)));
        assertEquals("EXTERNAL_RETURN and EXTERNAL_RAISE need CALL in the same set: {EXTERNAL_RETURN}",
                externalReturn.getMessage());
        IllegalArgumentException externalRaise = assertThrows(IllegalArgumentException.class,
                () -> Monitoring.setEvents(TEST_TOOL, EventSet.of(Event.EXTERNAL_RAISE)));
        assertEquals("EXTERNAL_RETURN and EXTERNAL_RAISE need CALL in the same set: {EXTERNAL_RAISE}",
                externalRaise.getMessage());
        assertEquals(EventSet.NONE, Monitoring.getEvents(TEST_TOOL));
        Monitoring.freeToolId(TEST_TOOL);
        assertEquals(Optional.empty(), Monitoring.getTool(TEST_TOOL));
        IllegalStateException notInUse = assertThrows(IllegalStateException.class,
                () -> Monitoring.setEvents(TEST_TOOL, EventSet.of(Event.CALL)));
        assertEquals("tool 2 is not in use", notInUse.getMessage());
    }

    /** {@code test_tool}, continued: CALL carries the external events, which {@code getEvents} does not report (S10). */
    @Test
    void externalEventsNeedCallAndAreNotReported() {
        Monitoring.useToolId(TEST_TOOL, "MonitoringTest.Tool");
        Monitoring.setEvents(TEST_TOOL, EventSet.of(Event.CALL, Event.EXTERNAL_RETURN, Event.EXTERNAL_RAISE));
        assertEquals(EventSet.of(Event.CALL), Monitoring.getEvents(TEST_TOOL));
    }

    /** {@code test_tool}: tool ids are 0..5 (S1). */
    @Test
    void toolIdsOutsideTheRangeAreRejected() {
        IllegalArgumentException six = assertThrows(IllegalArgumentException.class,
                () -> Monitoring.useToolId(6, "MonitoringTest.Tool"));
        assertEquals("invalid tool 6 (must be between 0 and 5)", six.getMessage());
        IllegalArgumentException minusOne = assertThrows(IllegalArgumentException.class,
                () -> Monitoring.getTool(-1));
        assertEquals("invalid tool -1 (must be between 0 and 5)", minusOne.getMessage());
    }

    /**
     * {@code test_clear}: after {@code clear_tool_id} nothing fires and the callbacks are gone; after free and
     * use again, nothing of the old tool fires (S4, S5).
     */
    @Test
    void clear() {
        List<String> events = new ArrayList<>();
        Monitoring.useToolId(TEST_TOOL, "MonitoringTest.Tool");
        Ports.register(TEST_TOOL, Event.METHOD_START, new Recorder(Event.METHOD_START, events));
        Ports.register(TEST_TOOL, Event.LINE, new Recorder(Event.LINE, events));
        CodeUnit f = Ports.define("f", b -> b.length(4).line(0, 2, 1).line(2, 4, 2));
        Probe start = Monitoring.probe(f, Event.METHOD_START, 0);
        Probe line = Monitoring.probe(f, Event.LINE, 2);
        Probe ret = Monitoring.probe(f, Event.METHOD_RETURN, 2);
        Runnable runF = () -> {
            start.fire();
            line.fire();
            ret.fireReturn(Monitoring.MISSING);
        };
        Monitoring.setLocalEvents(TEST_TOOL, f, EventSet.of(Event.LINE));
        Monitoring.setEvents(TEST_TOOL, EventSet.of(Event.METHOD_START));

        runF.run();
        Monitoring.clearToolId(TEST_TOOL);
        runF.run();

        // the first f() triggers METHOD_START and LINE; the second, after clear, nothing
        assertEquals(List.of("METHOD_START f 0", "LINE f 2"), events);
        assertEquals(Optional.of("MonitoringTest.Tool"), Monitoring.getTool(TEST_TOOL));
        assertEquals(EventSet.NONE, Monitoring.getEvents(TEST_TOOL));
        assertEquals(EventSet.NONE, Monitoring.getLocalEvents(TEST_TOOL, f));
        assertNull(Monitoring.registerCallback(TEST_TOOL, Event.LINE, null));
        assertNull(Monitoring.registerCallback(TEST_TOOL, Event.METHOD_START, null));

        Monitoring.freeToolId(TEST_TOOL);

        events.clear();
        Monitoring.useToolId(TEST_TOOL, "MonitoringTest.Tool");
        Ports.register(TEST_TOOL, Event.LINE, new Recorder(Event.LINE, events));
        Monitoring.setLocalEvents(TEST_TOOL, f, EventSet.of(Event.LINE));
        runF.run();
        Monitoring.freeToolId(TEST_TOOL);
        Monitoring.useToolId(TEST_TOOL, "MonitoringTest.Tool");
        runF.run();
        // the first f() triggers LINE; the second, right after free and use again, nothing
        assertEquals(List.of("LINE f 2"), events);
        assertEquals(EventSet.NONE, Monitoring.getLocalEvents(TEST_TOOL, f));
        assertNull(Monitoring.registerCallback(TEST_TOOL, Event.LINE, null));
        Monitoring.freeToolId(TEST_TOOL);
    }
}
