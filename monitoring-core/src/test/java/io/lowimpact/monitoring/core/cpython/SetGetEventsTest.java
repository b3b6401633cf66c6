package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;

import org.junit.jupiter.api.Test;

import static io.lowimpact.monitoring.core.cpython.Ports.TEST_TOOL;
import static io.lowimpact.monitoring.core.cpython.Ports.TEST_TOOL2;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Port of CPython's {@code TestSetGetEvents} ({@code Lib/test/test_monitoring.py}): global and local event sets
 * read back what was set, per tool (S7, S13, S14).
 */
class SetGetEventsTest extends MonitoringTestBase {

    /** {@code test_global}. */
    @Test
    void global() {
        Monitoring.setEvents(TEST_TOOL, EventSet.of(Event.METHOD_START));
        assertEquals(EventSet.of(Event.METHOD_START), Monitoring.getEvents(TEST_TOOL));
        Monitoring.setEvents(TEST_TOOL2, EventSet.of(Event.METHOD_START));
        assertEquals(EventSet.of(Event.METHOD_START), Monitoring.getEvents(TEST_TOOL2));
        Monitoring.setEvents(TEST_TOOL, EventSet.NONE);
        assertEquals(EventSet.NONE, Monitoring.getEvents(TEST_TOOL));
        assertEquals(EventSet.of(Event.METHOD_START), Monitoring.getEvents(TEST_TOOL2));
        Monitoring.setEvents(TEST_TOOL2, EventSet.NONE);
        assertEquals(EventSet.NONE, Monitoring.getEvents(TEST_TOOL2));
    }

    /** {@code test_global}, through the tool handles (S6). */
    @Test
    void globalThroughHandles() {
        tool.setEvents(EventSet.of(Event.METHOD_START, Event.RAISE));
        assertEquals(EventSet.of(Event.METHOD_START, Event.RAISE), tool.getEvents());
        assertEquals(EventSet.of(Event.METHOD_START, Event.RAISE), Monitoring.getEvents(TEST_TOOL));
        assertEquals(EventSet.NONE, tool2.getEvents());
        tool.setEvents(EventSet.NONE);
        assertEquals(EventSet.NONE, tool.getEvents());
    }

    /** {@code test_local}. */
    @Test
    void local() {
        CodeUnit code = new PyFunctions.F1().code;
        Monitoring.setLocalEvents(TEST_TOOL, code, EventSet.of(Event.METHOD_START));
        assertEquals(EventSet.of(Event.METHOD_START), Monitoring.getLocalEvents(TEST_TOOL, code));
        Monitoring.setLocalEvents(TEST_TOOL, code, EventSet.NONE);
        Monitoring.setLocalEvents(TEST_TOOL, code, EventSet.BRANCH);
        assertEquals(EventSet.of(Event.BRANCH_LEFT, Event.BRANCH_RIGHT), Monitoring.getLocalEvents(TEST_TOOL, code));
        Monitoring.setLocalEvents(TEST_TOOL, code, EventSet.NONE);
        Monitoring.setLocalEvents(TEST_TOOL2, code, EventSet.of(Event.METHOD_START));
        assertEquals(EventSet.of(Event.METHOD_START), Monitoring.getLocalEvents(TEST_TOOL2, code));
        Monitoring.setLocalEvents(TEST_TOOL, code, EventSet.NONE);
        assertEquals(EventSet.NONE, Monitoring.getLocalEvents(TEST_TOOL, code));
        assertEquals(EventSet.of(Event.METHOD_START), Monitoring.getLocalEvents(TEST_TOOL2, code));
        Monitoring.setLocalEvents(TEST_TOOL2, code, EventSet.NONE);
        assertEquals(EventSet.NONE, Monitoring.getLocalEvents(TEST_TOOL2, code));
    }

    /** {@code test_local}: local events are per unit, and do not show in the global set. */
    @Test
    void localIsPerUnit() {
        CodeUnit code = new PyFunctions.F1().code;
        CodeUnit other = new PyFunctions.F1().code;
        tool.setLocalEvents(code, EventSet.of(Event.LINE, Event.JUMP));
        assertEquals(EventSet.of(Event.LINE, Event.JUMP), tool.getLocalEvents(code));
        assertEquals(EventSet.NONE, tool.getLocalEvents(other));
        assertEquals(EventSet.NONE, tool.getEvents());
        assertEquals(EventSet.NONE, tool2.getLocalEvents(code));
        tool.setLocalEvents(code, EventSet.NONE);
        assertEquals(EventSet.NONE, tool.getLocalEvents(code));
    }
}
