package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Port of CPython's {@code MultipleMonitorsTest} ({@code Lib/test/test_monitoring.py}): several tools on the same
 * or different events, and one tool's DISABLE leaving the other alone (S14, S18, S20). CPython's private
 * {@code _all_events()} is read here through {@link Probe#isActive()}, which is true iff some tool receives the
 * event there (S34).
 */
class MultipleMonitorsTest extends MonitoringTestBase {

    /** {@code test_two_same}. */
    @Test
    void twoSame() {
        PyFunctions.F1 f1 = new PyFunctions.F1();
        try {
            assertFalse(f1.start.isActive());
            CounterWithDisable counter1 = new CounterWithDisable();
            CounterWithDisable counter2 = new CounterWithDisable();
            Ports.register(tool, Event.METHOD_START, counter1);
            Ports.register(tool2, Event.METHOD_START, counter2);
            tool.setEvents(EventSet.of(Event.METHOD_START));
            tool2.setEvents(EventSet.of(Event.METHOD_START));
            assertEquals(EventSet.of(Event.METHOD_START), tool.getEvents());
            assertEquals(EventSet.of(Event.METHOD_START), tool2.getEvents());
            assertTrue(f1.start.isActive());
            assertFalse(f1.ret.isActive());
            f1.run();
            assertEquals(List.of(1, 1), List.of(counter1.count, counter2.count));
        } finally {
            tool.setEvents(EventSet.NONE);
            tool2.setEvents(EventSet.NONE);
            Ports.register(tool, Event.METHOD_START, null);
            Ports.register(tool2, Event.METHOD_START, null);
            assertFalse(f1.start.isActive());
        }
    }

    /** {@code test_three_same}. */
    @Test
    void threeSame() {
        PyFunctions.F1 f1 = new PyFunctions.F1();
        try {
            assertFalse(f1.start.isActive());
            CounterWithDisable counter1 = new CounterWithDisable();
            CounterWithDisable counter2 = new CounterWithDisable();
            CounterWithDisable counter3 = new CounterWithDisable();
            Ports.register(tool, Event.METHOD_START, counter1);
            Ports.register(tool2, Event.METHOD_START, counter2);
            Ports.register(tool3, Event.METHOD_START, counter3);
            tool.setEvents(EventSet.of(Event.METHOD_START));
            tool2.setEvents(EventSet.of(Event.METHOD_START));
            tool3.setEvents(EventSet.of(Event.METHOD_START));
            assertEquals(EventSet.of(Event.METHOD_START), tool.getEvents());
            assertEquals(EventSet.of(Event.METHOD_START), tool2.getEvents());
            assertEquals(EventSet.of(Event.METHOD_START), tool3.getEvents());
            assertTrue(f1.start.isActive());
            f1.run();
            assertEquals(List.of(1, 1, 1), List.of(counter1.count, counter2.count, counter3.count));
        } finally {
            tool.setEvents(EventSet.NONE);
            tool2.setEvents(EventSet.NONE);
            tool3.setEvents(EventSet.NONE);
            Ports.register(tool, Event.METHOD_START, null);
            Ports.register(tool2, Event.METHOD_START, null);
            Ports.register(tool3, Event.METHOD_START, null);
            assertFalse(f1.start.isActive());
        }
    }

    /** Not in CPython as such: the three tools receive one event in ascending id order (S20). */
    @Test
    void threeSameInToolIdOrder() {
        PyFunctions.F1 f1 = new PyFunctions.F1();
        List<String> events = new ArrayList<>();
        Ports.register(tool3, Event.METHOD_START, new Recorder("4: ", Event.METHOD_START, events));
        Ports.register(tool, Event.METHOD_START, new Recorder("2: ", Event.METHOD_START, events));
        Ports.register(tool2, Event.METHOD_START, new Recorder("3: ", Event.METHOD_START, events));
        tool3.setEvents(EventSet.of(Event.METHOD_START));
        tool2.setEvents(EventSet.of(Event.METHOD_START));
        tool.setEvents(EventSet.of(Event.METHOD_START));
        f1.run();
        f1.run();
        assertEquals(List.of("2: METHOD_START f1 0", "3: METHOD_START f1 0", "4: METHOD_START f1 0",
                "2: METHOD_START f1 0", "3: METHOD_START f1 0", "4: METHOD_START f1 0"), events);
    }

    /** {@code test_two_different}. */
    @Test
    void twoDifferent() {
        PyFunctions.F1 f1 = new PyFunctions.F1();
        try {
            assertFalse(f1.start.isActive());
            assertFalse(f1.ret.isActive());
            CounterWithDisable counter1 = new CounterWithDisable();
            CounterWithDisable counter2 = new CounterWithDisable();
            Ports.register(tool, Event.METHOD_START, counter1);
            Ports.register(tool2, Event.METHOD_RETURN, counter2);
            tool.setEvents(EventSet.of(Event.METHOD_START));
            tool2.setEvents(EventSet.of(Event.METHOD_RETURN));
            assertEquals(EventSet.of(Event.METHOD_START), tool.getEvents());
            assertEquals(EventSet.of(Event.METHOD_RETURN), tool2.getEvents());
            assertTrue(f1.start.isActive());
            assertTrue(f1.ret.isActive());
            assertFalse(f1.line.isActive());
            f1.run();
            assertEquals(List.of(1, 1), List.of(counter1.count, counter2.count));
        } finally {
            tool.setEvents(EventSet.NONE);
            tool2.setEvents(EventSet.NONE);
            Ports.register(tool, Event.METHOD_START, null);
            Ports.register(tool2, Event.METHOD_RETURN, null);
            assertFalse(f1.start.isActive());
            assertFalse(f1.ret.isActive());
        }
    }

    /** {@code test_two_with_disable}. */
    @Test
    void twoWithDisable() {
        PyFunctions.F1 f1 = new PyFunctions.F1();
        try {
            assertFalse(f1.start.isActive());
            CounterWithDisable counter1 = new CounterWithDisable();
            CounterWithDisable counter2 = new CounterWithDisable();
            Ports.register(tool, Event.METHOD_START, counter1);
            Ports.register(tool2, Event.METHOD_START, counter2);
            tool.setEvents(EventSet.of(Event.METHOD_START));
            tool2.setEvents(EventSet.of(Event.METHOD_START));
            assertEquals(EventSet.of(Event.METHOD_START), tool.getEvents());
            assertEquals(EventSet.of(Event.METHOD_START), tool2.getEvents());
            assertTrue(f1.start.isActive());
            counter1.disable = true;
            f1.run();
            assertEquals(List.of(1, 1), List.of(counter1.count, counter2.count));
            counter1.count = 0;
            counter2.count = 0;
            f1.run();
            assertEquals(List.of(0, 1), List.of(counter1.count, counter2.count));
            // still active: the other tool receives it
            assertTrue(f1.start.isActive());
            assertEquals(EventSet.of(Event.METHOD_START), tool.getEvents());
        } finally {
            tool.setEvents(EventSet.NONE);
            tool2.setEvents(EventSet.NONE);
            Ports.register(tool, Event.METHOD_START, null);
            Ports.register(tool2, Event.METHOD_START, null);
            assertFalse(f1.start.isActive());
            Monitoring.restartEvents();
        }
    }

    /** {@code test_with_instruction_event}: a second tool can set local events beside the first's INSTRUCTION. */
    @Test
    void withInstructionEvent() {
        CodeUnit code = Ports.define("f", b -> b.length(4).line(0, 2, 1).line(2, 4, 2));
        Probe line = Monitoring.probe(code, Event.LINE, 2);
        Probe instruction = Monitoring.probe(code, Event.INSTRUCTION, 2);
        List<String> events = new ArrayList<>();
        try {
            assertFalse(line.isActive());
            tool.setLocalEvents(code, EventSet.of(Event.INSTRUCTION, Event.LINE));
            tool2.setLocalEvents(code, EventSet.of(Event.LINE));
            assertEquals(EventSet.of(Event.INSTRUCTION, Event.LINE), tool.getLocalEvents(code));
            assertEquals(EventSet.of(Event.LINE), tool2.getLocalEvents(code));
            Ports.register(tool, Event.LINE, new Recorder("2: ", Event.LINE, events));
            Ports.register(tool, Event.INSTRUCTION, new Recorder("2: ", Event.INSTRUCTION, events));
            Ports.register(tool2, Event.LINE, new Recorder("3: ", Event.LINE, events));
            line.fire();
            instruction.fire();
            assertEquals(List.of("2: LINE f 2", "3: LINE f 2", "2: INSTRUCTION f 2"), events);
        } finally {
            tool.setEvents(EventSet.NONE);
            tool2.setEvents(EventSet.NONE);
            tool.setLocalEvents(code, EventSet.NONE);
            tool2.setLocalEvents(code, EventSet.NONE);
            assertFalse(line.isActive());
            assertFalse(instruction.isActive());
        }
    }
}
