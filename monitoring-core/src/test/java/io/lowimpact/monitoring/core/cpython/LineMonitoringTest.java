package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Port of CPython's {@code LineMonitoringTest} ({@code Lib/test/test_monitoring.py}): LINE reports the line of the
 * position table at the probe's offset, once per arrival, again on each loop iteration (S26), and to every tool that
 * wants it (S14). CPython's lists also hold the test's own lines around the call; injected units have only theirs.
 */
class LineMonitoringTest extends MonitoringTestBase {

    /** {@code test_lines_single}. */
    @Test
    void linesSingle() {
        PyFunctions.F1 f1 = new PyFunctions.F1();
        List<String> events = new ArrayList<>();
        try {
            Ports.register(tool, Event.LINE, new Recorder(Event.LINE, events));
            tool.setEvents(EventSet.of(Event.LINE));
            f1.run();
            tool.setEvents(EventSet.NONE);
            Ports.register(tool, Event.LINE, null);
            f1.run();
            assertEquals(List.of("LINE f1 2"), events);
        } finally {
            tool.setEvents(EventSet.NONE);
            Ports.register(tool, Event.LINE, null);
            assertFalse(f1.line.isActive());
        }
    }

    /** {@code test_lines_loop}: the loop head's line comes again after each iteration. */
    @Test
    void linesLoop() {
        PyFunctions.Floop floop = new PyFunctions.Floop();
        List<String> events = new ArrayList<>();
        try {
            Ports.register(tool, Event.LINE, new Recorder(Event.LINE, events));
            tool.setEvents(EventSet.of(Event.LINE));
            floop.run();
            tool.setEvents(EventSet.NONE);
            Ports.register(tool, Event.LINE, null);
            assertEquals(List.of("LINE floop 2", "LINE floop 3", "LINE floop 2", "LINE floop 3", "LINE floop 2"),
                    events);
        } finally {
            tool.setEvents(EventSet.NONE);
            Ports.register(tool, Event.LINE, null);
        }
    }

    /** {@code test_lines_two}: both tools get the same lines, in tool id order. */
    @Test
    void linesTwo() {
        PyFunctions.Floop floop = new PyFunctions.Floop();
        List<String> events = new ArrayList<>();
        List<String> events2 = new ArrayList<>();
        List<String> both = new ArrayList<>();
        try {
            Ports.register(tool, Event.LINE, new Recorder(Event.LINE, events));
            Ports.register(tool2, Event.LINE, new Recorder(Event.LINE, events2));
            Ports.register(tool3, Event.LINE, new Recorder(Event.LINE, both));
            tool.setEvents(EventSet.of(Event.LINE));
            tool2.setEvents(EventSet.of(Event.LINE));
            floop.run();
            tool.setEvents(EventSet.NONE);
            tool2.setEvents(EventSet.NONE);
            List<String> expected = List.of("LINE floop 2", "LINE floop 3", "LINE floop 2", "LINE floop 3",
                    "LINE floop 2");
            assertEquals(expected, events);
            assertEquals(expected, events2);
            assertEquals(List.of(), both, "tool 3 has the callback but not the event");
        } finally {
            tool.setEvents(EventSet.NONE);
            tool2.setEvents(EventSet.NONE);
            Ports.register(tool, Event.LINE, null);
            Ports.register(tool2, Event.LINE, null);
        }
    }

    /** {@code RecorderWithDisable} with {@code disable} set: each line point of the loop reports once (S18). */
    @Test
    void linesLoopWithDisable() {
        PyFunctions.Floop floop = new PyFunctions.Floop();
        List<String> events = new ArrayList<>();
        Recorder recorder = new Recorder(Event.LINE, events);
        recorder.disable = true;
        Ports.register(tool, Event.LINE, recorder);
        tool.setEvents(EventSet.of(Event.LINE));
        floop.run();
        floop.run();
        // three line points: offset 2 (line 2), offset 6 (line 3), the loop head at 4 (line 2)
        assertEquals(List.of("LINE floop 2", "LINE floop 3", "LINE floop 2"), events);
        tool.restartEvents();
        floop.run();
        assertEquals(List.of("LINE floop 2", "LINE floop 3", "LINE floop 2",
                "LINE floop 2", "LINE floop 3", "LINE floop 2"), events);
        tool.setEvents(EventSet.NONE);
    }
}
