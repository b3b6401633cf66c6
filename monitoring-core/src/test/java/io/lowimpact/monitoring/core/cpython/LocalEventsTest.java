package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.lowimpact.monitoring.core.cpython.Ports.TEST_TOOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Port of CPython's {@code TestLocalEvents} ({@code Lib/test/test_monitoring.py}): events set for one unit fire
 * there and nowhere else; the external events come with a local CALL; global events cannot be set locally (S13).
 */
class LocalEventsTest extends MonitoringTestBase {

    private static final CallTarget APPEND = new CallTarget("list", "append", "(obj)", CallTarget.Kind.OTHER);

    /** {@code LOCAL_RECORDERS}: CALL, LINE, and the external return and raise. */
    private List<String> checkEvents(CodeUnit code, Runnable func) {
        List<String> events = new ArrayList<>();
        for (Event<?> event : List.of(Event.CALL, Event.LINE, Event.EXTERNAL_RETURN, Event.EXTERNAL_RAISE,
                Event.RAISE)) {
            Ports.register(tool, event, new Recorder(event, events));
        }
        try {
            tool.setLocalEvents(code, EventSet.of(Event.CALL, Event.LINE));
            func.run();
            tool.setLocalEvents(code, EventSet.NONE);
            func.run();
        } finally {
            tool.setLocalEvents(code, EventSet.NONE);
        }
        return events;
    }

    /** {@code test_simple}; a second unit run in between reports nothing. */
    @Test
    void simple() {
        CodeUnit func1 = Ports.define("func1", b -> b.length(8).line(0, 2, 1).line(2, 4, 2).line(4, 6, 3)
                .line(6, 8, 4));
        PyFunctions.F1 f1 = new PyFunctions.F1();
        Probe line1 = Monitoring.probe(func1, Event.LINE, 2);
        Probe line2 = Monitoring.probe(func1, Event.LINE, 4);
        Probe line3 = Monitoring.probe(func1, Event.LINE, 6);
        List<String> events = checkEvents(func1, () -> {
            line1.fire();
            f1.run();
            line2.fire();
            line3.fire();
        });
        assertEquals(List.of("LINE func1 2", "LINE func1 3", "LINE func1 4"), events);
    }

    /** {@code test_c_call}: {@code [].append(2)} calls external code. */
    @Test
    void externalCall() {
        CodeUnit func2 = Ports.define("func2", b -> b.length(10).line(0, 2, 1).line(2, 4, 2).line(4, 8, 3)
                .line(8, 10, 4));
        Probe line1 = Monitoring.probe(func2, Event.LINE, 2);
        Probe line2 = Monitoring.probe(func2, Event.LINE, 4);
        Probe call = Monitoring.probe(func2, Event.CALL, 6, APPEND);
        Probe returned = Monitoring.probe(func2, Event.EXTERNAL_RETURN, 6, APPEND);
        Probe line3 = Monitoring.probe(func2, Event.LINE, 8);
        List<Integer> list = List.of(2);
        List<String> events = checkEvents(func2, () -> {
            line1.fire();
            line2.fire();
            call.fireCall(list);
            returned.fireCall(list);
            line3.fire();
        });
        assertEquals(List.of("LINE func2 2", "LINE func2 3", "CALL func2 6 append [2]",
                "EXTERNAL_RETURN func2 6 append [2]", "LINE func2 4"), events);
    }

    /** {@code test_try_except}: RAISE is global, so a local set does not bring it. */
    @Test
    void tryExcept() {
        CodeUnit func3 = Ports.define("func3", b -> b.length(16).line(0, 2, 1).line(2, 4, 2).line(4, 6, 3)
                .line(6, 10, 4).line(10, 12, 5).line(12, 14, 6).line(14, 16, 7));
        int[] lineOffsets = {2, 4, 6, 10, 12, 14};
        List<Probe> lines = new ArrayList<>();
        for (int offset : lineOffsets) {
            lines.add(Monitoring.probe(func3, Event.LINE, offset));
        }
        Probe raise = Monitoring.probe(func3, Event.RAISE, 8);
        List<String> events = checkEvents(func3, () -> {
            lines.get(0).fire();
            lines.get(1).fire();
            lines.get(2).fire();
            raise.fireException(new java.util.NoSuchElementException("KeyError"));
            lines.get(3).fire();
            lines.get(4).fire();
            lines.get(5).fire();
        });
        assertEquals(List.of("LINE func3 2", "LINE func3 3", "LINE func3 4", "LINE func3 5", "LINE func3 6",
                "LINE func3 7"), events);
    }

    /** {@code test_set_non_local_event}: CPython's ValueError. */
    @Test
    void setNonLocalEvent() {
        CodeUnit code = new PyFunctions.F2().code;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Monitoring.setLocalEvents(TEST_TOOL, code, EventSet.of(Event.RAISE)));
        assertEquals("not local events: {RAISE} (only local events can be set for a code unit)", e.getMessage());
        assertEquals(EventSet.NONE, tool.getLocalEvents(code));
    }

    /** Not in CPython's class: local events add to global ones, never mask them (S13). */
    @Test
    void localAddsToGlobal() {
        PyFunctions.F1 f1 = new PyFunctions.F1();
        List<String> events = new ArrayList<>();
        Ports.register(tool, Event.METHOD_START, new Recorder(Event.METHOD_START, events));
        Ports.register(tool, Event.LINE, new Recorder(Event.LINE, events));
        tool.setEvents(EventSet.of(Event.METHOD_START));
        tool.setLocalEvents(f1.code, EventSet.of(Event.LINE));
        f1.run();
        tool.setLocalEvents(f1.code, EventSet.NONE);
        f1.run();
        assertEquals(List.of("METHOD_START f1 0", "LINE f1 2", "METHOD_START f1 0"), events);
        assertEquals(EventSet.of(Event.METHOD_START), tool.getEvents());
    }
}
