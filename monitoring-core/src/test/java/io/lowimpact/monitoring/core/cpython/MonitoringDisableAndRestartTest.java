package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Port of CPython's {@code MontoringDisableAndRestartTest} (sic, {@code Lib/test/test_monitoring.py}): DISABLE
 * stops an event at one location after the current delivery, and {@code restart_events()} brings it back
 * (S17, S18, S30).
 */
class MonitoringDisableAndRestartTest extends MonitoringTestBase {

    /** {@code test_disable}. */
    @Test
    void disable() {
        try {
            PyFunctions.F1 f1 = new PyFunctions.F1();
            CounterWithDisable counter = new CounterWithDisable();
            Ports.register(tool, Event.METHOD_START, counter);
            tool.setEvents(EventSet.of(Event.METHOD_START));
            assertEquals(0, counter.count);
            f1.run();
            assertEquals(1, counter.count);
            counter.disable = true;
            counter.count = 0;
            f1.run();
            assertEquals(1, counter.count);
            assertFalse(f1.start.isActive());
            counter.count = 0;
            f1.run();
            assertEquals(0, counter.count);
            assertEquals(EventSet.of(Event.METHOD_START), tool.getEvents());
            tool.setEvents(EventSet.NONE);
        } finally {
            Monitoring.restartEvents();
        }
    }

    /** {@code test_restart}. */
    @Test
    void restart() {
        try {
            PyFunctions.F1 f1 = new PyFunctions.F1();
            CounterWithDisable counter = new CounterWithDisable();
            Ports.register(tool, Event.METHOD_START, counter);
            tool.setEvents(EventSet.of(Event.METHOD_START));
            counter.disable = true;
            f1.run();
            counter.count = 0;
            f1.run();
            assertEquals(0, counter.count);
            Monitoring.restartEvents();
            assertTrue(f1.start.isActive());
            counter.count = 0;
            f1.run();
            assertEquals(1, counter.count);
            tool.setEvents(EventSet.NONE);
        } finally {
            Monitoring.restartEvents();
        }
    }

    /** Not in CPython: the per-tool restart (S29) does the same for the tool that disabled. */
    @Test
    void restartOfTheTool() {
        PyFunctions.F1 f1 = new PyFunctions.F1();
        CounterWithDisable counter = new CounterWithDisable();
        Ports.register(tool, Event.METHOD_START, counter);
        tool.setEvents(EventSet.of(Event.METHOD_START));
        counter.disable = true;
        f1.run();
        f1.run();
        assertEquals(1, counter.count);
        tool.restartEvents();
        f1.run();
        assertEquals(2, counter.count);
        Monitoring.restartEvents(Ports.TEST_TOOL);
        f1.run();
        assertEquals(3, counter.count);
        f1.run();
        assertEquals(3, counter.count);
        tool.setEvents(EventSet.NONE);
    }
}
