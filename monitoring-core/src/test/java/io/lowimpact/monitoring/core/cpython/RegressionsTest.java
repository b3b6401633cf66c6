package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.InstructionCallback;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Port of the API-level cases of CPython's {@code TestRegressions} ({@code Lib/test/test_monitoring.py}): a callback
 * that switches its own events off (S23), CALL's {@code arg0} (S8), and calling a registered callback directly.
 */
class RegressionsTest extends MonitoringTestBase {

    /**
     * {@code test_gh108976}: a LINE callback sets its tool's events to none while INSTRUCTION is on; the
     * INSTRUCTION of the same instruction, fired after it, is no longer delivered (S12, S20, S23).
     */
    @Test
    void gh108976() {
        CodeUnit code = Ports.define("f", b -> b.length(4).line(0, 2, 1).line(2, 4, 2));
        Probe line = Monitoring.probe(code, Event.LINE, 2);
        Probe instruction = Monitoring.probe(code, Event.INSTRUCTION, 2);
        List<String> events = new ArrayList<>();
        Monitoring.useToolId(0, "test");
        Monitoring.setEvents(0, EventSet.NONE);
        Monitoring.registerCallback(0, Event.LINE, (unit, lineNumber) -> {
            events.add("LINE " + lineNumber);
            Monitoring.setEvents(0, EventSet.NONE);
            return null;
        });
        Monitoring.registerCallback(0, Event.INSTRUCTION, (unit, offset) -> {
            events.add("INSTRUCTION " + offset);
            return null;
        });
        Monitoring.setEvents(0, EventSet.of(Event.LINE, Event.INSTRUCTION));
        line.fire();
        instruction.fire();
        line.fire();
        instruction.fire();
        assertEquals(List.of("LINE 2"), events);
        assertEquals(EventSet.NONE, Monitoring.getEvents(0));
        Monitoring.setEvents(0, EventSet.of(Event.LINE, Event.INSTRUCTION));
        Monitoring.setEvents(0, EventSet.NONE);
    }

    /** {@code test_call_function_ex}: {@code arg0} is the first argument, else MISSING. */
    @Test
    void callFunctionEx() {
        CallTarget f = new CallTarget("test_monitoring", "f", "(a=1, b=2)", CallTarget.Kind.OTHER);
        CodeUnit code = Ports.define("caller", b -> b.length(8).line(0, 8, 1));
        Probe first = Monitoring.probe(code, Event.CALL, 2, f);
        Probe second = Monitoring.probe(code, Event.CALL, 4, f);
        List<String> callData = new ArrayList<>();
        Monitoring.useToolId(0, "test");
        Monitoring.setEvents(0, EventSet.NONE);
        Monitoring.registerCallback(0, Event.CALL, (unit, offset, target, arg0) -> {
            callData.add(target + " " + (arg0 == Monitoring.MISSING ? "MISSING" : arg0));
            return null;
        });
        Monitoring.setEvents(0, EventSet.of(Event.CALL));
        first.fireCall(1);          // f(*args), args = (1, 2)
        second.fireCall(Monitoring.MISSING); // f(*empty_args)
        Monitoring.setEvents(0, EventSet.NONE);
        assertEquals(List.of("test_monitoring.f(a=1, b=2) 1", "test_monitoring.f(a=1, b=2) MISSING"), callData);
    }

    /** {@code test_instruction_explicit_callback} (gh-122247): calling the registered callback itself is harmless. */
    @Test
    void instructionExplicitCallback() {
        CodeUnit code = Ports.define("f", b -> b.length(4).line(0, 4, 1));
        Probe instruction = Monitoring.probe(code, Event.INSTRUCTION, 0);
        int[] calls = new int[1];
        InstructionCallback callback = (unit, offset) -> {
            calls[0]++;
            return null;
        };
        Monitoring.useToolId(0, "test");
        Monitoring.registerCallback(0, Event.INSTRUCTION, callback);
        Monitoring.setEvents(0, EventSet.of(Event.INSTRUCTION));
        callback.onInstruction(null, 0);
        Monitoring.restartEvents();
        instruction.fire();
        Monitoring.setEvents(0, EventSet.NONE);
        assertEquals(2, calls[0]);
    }
}
