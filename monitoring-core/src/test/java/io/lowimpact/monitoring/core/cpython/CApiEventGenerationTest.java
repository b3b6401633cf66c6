package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CallCallback;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.ExceptionCallback;
import io.lowimpact.monitoring.InstructionCallback;
import io.lowimpact.monitoring.JumpCallback;
import io.lowimpact.monitoring.LineCallback;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.ReturnCallback;
import io.lowimpact.monitoring.StartCallback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Port of CPython's {@code TestCApiEventGeneration} ({@code Lib/test/test_monitoring.py}), whose C API
 * ({@code PyMonitoring_Fire*Event} on a {@code CodeLike} object inside a monitoring scope) is our injection API:
 * {@link io.lowimpact.monitoring.CodeUnit#define} and {@link Probe} (S33–S37). Every one of the 18 events fires
 * through its probe method; a missing exception is refused with nothing delivered (S37); a failing callback goes
 * to the tool's error handler, not to the program (S22, where CPython raises); DISABLE works per location for
 * local events and is a reported tool error for the others (S18, S19); a scope of two events.
 */
class CApiEventGenerationTest extends MonitoringTestBase {

    static Stream<EventCase> cases() {
        return EventCase.all();
    }

    static Stream<EventCase> exceptionCases() {
        return EventCase.all().filter(c -> c.fire == EventCase.Fire.EXCEPTION);
    }

    /** {@code test_fire_event}, also checking what the callback received and the probe's own description. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fireEvent(EventCase c) {
        CodeUnit code = EventCase.codeLike();
        Probe probe = c.probe(code);
        assertSame(probe, c.probe(code), "the same location gives the same probe");
        assertSame(c.event, probe.event());
        assertEquals(code.id(), probe.code().id());
        assertEquals(0, probe.offset());
        List<String> events = new ArrayList<>();
        Recorder recorder = new Recorder(c.event, events);
        try {
            Ports.register(tool, c.event, recorder);
            tool.setEvents(c.eventSet());
            assertTrue(probe.isActive());
            c.fire(probe);
            assertEquals(List.of(c.expected), events);
            Object prev = Ports.register(tool, c.event, null);
            assertSame(recorder, prev);
            assertFalse(probe.isActive());
            c.fire(probe);
            assertEquals(List.of(c.expected), events);
        } finally {
            tool.setEvents(EventSet.NONE);
        }
    }

    /** The probe's accessors: the edge's destination and the call target. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void probeDescribesItsLocation(EventCase c) {
        CodeUnit code = EventCase.codeLike();
        Probe probe = c.probe(code);
        int expectedTo = c.event == Event.JUMP ? 60 : c.event == Event.BRANCH_LEFT ? 80
                : c.event == Event.BRANCH_RIGHT ? 70 : -1;
        assertEquals(expectedTo, probe.to());
        assertEquals(c.fire == EventCase.Fire.CALL ? EventCase.CALLABLE : null, probe.target());
        Probe other = c.otherProbe(code);
        assertEquals(c.event == Event.LINE ? 50 : 1, other.offset());
    }

    /** Not in CPython: code generators fire the same events through the probe's call site (S36). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fireEventThroughCallSite(EventCase c) throws Throwable {
        CodeUnit code = EventCase.codeLike();
        Probe probe = c.probe(code);
        List<String> events = new ArrayList<>();
        Ports.register(tool, c.event, new Recorder(c.event, events));
        tool.setEvents(c.eventSet());
        MethodHandle target = probe.callSite().dynamicInvoker();
        switch (c.fire) {
            case FIRE:
                assertEquals(MethodType.methodType(void.class), target.type());
                target.invokeExact();
                break;
            case EXCEPTION:
                assertEquals(MethodType.methodType(void.class, Throwable.class), target.type());
                target.invokeExact((Throwable) c.argument);
                break;
            default:
                assertEquals(MethodType.methodType(void.class, Object.class), target.type());
                target.invokeExact(c.argument);
                break;
        }
        assertEquals(List.of(c.expected), events);
        assertSame(probe.callSite(), probe.callSite());
        tool.setEvents(EventSet.NONE);
    }

    /** {@code test_missing_exception}: CPython raises ValueError "Firing event N with no exception set". */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exceptionCases")
    void missingException(EventCase c) {
        CodeUnit code = EventCase.codeLike();
        Probe probe = c.probe(code);
        List<String> events = new ArrayList<>();
        Ports.register(tool, c.event, new Recorder(c.event, events));
        tool.setEvents(c.eventSet());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> probe.fireException(null));
        assertEquals("exception must not be null", e.getMessage());
        assertEquals(List.of(), events);
        assertEquals(0, tool.errorCount());
        assertTrue(probe.isActive());
        tool.setEvents(EventSet.NONE);
    }

    /** Not in CPython (its fire functions are typed): a probe fired with another event's method (S37). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void wrongFireMethod(EventCase c) {
        CodeUnit code = EventCase.codeLike();
        Probe probe = c.probe(code);
        List<String> events = new ArrayList<>();
        Ports.register(tool, c.event, new Recorder(c.event, events));
        tool.setEvents(c.eventSet());
        for (EventCase.Fire wrong : c.wrongMethods()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.fireWith(probe, wrong),
                    wrong.method);
            String message = e.getMessage();
            assertTrue(message.startsWith(c.event.name() + " probes fire with " + c.fire.method + "("), message);
            assertTrue(message.contains(", not " + wrong.method + "("), message);
        }
        assertEquals(List.of(), events);
        assertEquals(0, tool.errorCount());
        tool.setEvents(EventSet.NONE);
    }

    /** The message of docs/spec.md, exactly. */
    @Test
    void returnProbeFiredWithFire() {
        CodeUnit code = EventCase.codeLike();
        Probe probe = Monitoring.probe(code, Event.METHOD_RETURN, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, probe::fire);
        assertEquals("METHOD_RETURN probes fire with fireReturn(value), not fire()", e.getMessage());
    }

    /** Not in CPython, whose C API trusts the offset: a probe outside the unit is refused (S37). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void offsetOutsideTheUnit(EventCase c) {
        CodeUnit code = EventCase.codeLike();
        String name = code.className() + "." + code.methodName();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            if (c.event == Event.JUMP || c.event == Event.BRANCH_LEFT || c.event == Event.BRANCH_RIGHT) {
                Monitoring.probe(code, c.event, 100, 0);
            } else if (c.fire == EventCase.Fire.CALL) {
                Monitoring.probe(code, c.event, 100, EventCase.CALLABLE);
            } else {
                Monitoring.probe(code, c.event, 100);
            }
        });
        String outside = "offset 100 outside code unit " + name + " (length 100)";
        if (c.event == Event.BRANCH_LEFT || c.event == Event.BRANCH_RIGHT) {
            // a branch edge must be in code.branches(): either rule of docs/spec.md may speak first
            String noEdge = "no " + c.event.name() + " edge 100 -> 0 in code unit " + name;
            assertTrue(outside.equals(e.getMessage()) || noEdge.equals(e.getMessage()), e.getMessage());
        } else {
            assertEquals(outside, e.getMessage());
        }
    }

    /**
     * {@code test_fire_event_failing_callback}: where CPython raises the callback's OSError into the caller, the
     * tool's error handler gets it, the other tools still receive the event, and the callback stays registered.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fireEventFailingCallback(EventCase c) {
        CodeUnit code = EventCase.codeLike();
        Probe probe = c.probe(code);
        OSError failure = new OSError("42");
        RaisingCounter counter = new RaisingCounter(failure);
        List<String> errors = new ArrayList<>();
        tool.onError((event, unit, error) -> errors.add(event.name() + " " + Ports.tag(unit) + " "
                + (error == failure ? "OSError(42)" : String.valueOf(error))));
        List<String> events = new ArrayList<>();
        Ports.register(tool, c.event, counter);
        Ports.register(tool2, c.event, new Recorder("3: ", c.event, events));
        tool.setEvents(c.eventSet());
        tool2.setEvents(c.eventSet());

        c.fire(probe); // nothing escapes
        assertEquals(1, counter.count);
        assertEquals(List.of(c.event.name() + " codelike OSError(42)"), errors);
        assertEquals(1, tool.errorCount());
        assertEquals(List.of("3: " + c.expected), events);

        c.fire(probe);
        assertEquals(2, counter.count);
        assertEquals(1, errors.size());
        assertEquals(1, tool.errorCount());
        assertEquals(List.of("3: " + c.expected, "3: " + c.expected), events);
        assertEquals(0, tool2.errorCount());
        tool.setEvents(EventSet.NONE);
        tool2.setEvents(EventSet.NONE);
    }

    /**
     * {@code test_disable_event}: a local event stops at the disabled location only, until restart; the events
     * of {@code CANNOT_DISABLE} (global, and here the external ones too) unregister the callback and report it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void disableEvent(EventCase c) {
        CodeUnit code = EventCase.codeLike();
        Probe probe = c.probe(code);
        Probe other = c.otherProbe(code);
        List<String> errors = new ArrayList<>();
        tool.onError((event, unit, error) -> errors.add(event.name() + " " + Ports.tag(unit) + " "
                + error.getClass().getSimpleName() + ": " + error.getMessage()));
        CounterWithDisable counter = new CounterWithDisable();
        Ports.register(tool, c.event, counter);
        tool.setEvents(c.eventSet());

        c.fire(probe);
        assertEquals(1, counter.count);
        counter.disable = true;
        if (c.cannotDisable()) {
            c.fire(probe); // no exception reaches the caller
            assertEquals(2, counter.count);
            assertEquals(List.of(c.event.name() + " codelike IllegalStateException: cannot disable "
                    + c.event.name() + " events; callback removed"), errors);
            assertEquals(1, tool.errorCount());
            c.fire(probe);
            c.fire(other);
            assertEquals(2, counter.count);
            assertFalse(probe.isActive());
            assertNull(Ports.register(tool, c.event, null));
        } else {
            c.fire(probe);
            assertEquals(2, counter.count);
            assertFalse(probe.isActive());
            assertTrue(other.isActive());
            c.fire(probe);
            assertEquals(2, counter.count);
            c.fire(other); // another location is not disabled
            assertEquals(3, counter.count);
            c.fire(other);
            assertEquals(3, counter.count);
            assertEquals(List.of(), errors);
            assertEquals(c.eventSet(), tool.getEvents());
            tool.restartEvents();
            assertTrue(probe.isActive());
            assertTrue(other.isActive());
            c.fire(probe);
            c.fire(other);
            assertEquals(5, counter.count);
        }
        tool.setEvents(EventSet.NONE);
    }

    /** {@code test_enter_scope_two_events}: METHOD_YIELD and METHOD_UNWIND at one offset of one unit. */
    @Test
    void enterScopeTwoEvents() {
        CounterWithDisable yieldCounter = new CounterWithDisable();
        CounterWithDisable unwindCounter = new CounterWithDisable();
        Ports.register(tool, Event.METHOD_YIELD, yieldCounter);
        Ports.register(tool, Event.METHOD_UNWIND, unwindCounter);
        tool.setEvents(EventSet.of(Event.METHOD_YIELD, Event.METHOD_UNWIND));
        CodeUnit code = EventCase.codeLike();
        Probe yieldProbe = Monitoring.probe(code, Event.METHOD_YIELD, 0);
        Probe unwindProbe = Monitoring.probe(code, Event.METHOD_UNWIND, 0);

        unwindProbe.fireException(new EventCase.ValueError("42"));
        assertEquals(List.of(0, 1), List.of(yieldCounter.count, unwindCounter.count));
        yieldProbe.fireReturn(new EventCase.ValueError("42"));
        assertEquals(List.of(1, 1), List.of(yieldCounter.count, unwindCounter.count));
        yieldCounter.disable = true;
        yieldProbe.fireReturn(new EventCase.ValueError("42"));
        assertEquals(List.of(2, 1), List.of(yieldCounter.count, unwindCounter.count));
        yieldProbe.fireReturn(new EventCase.ValueError("42"));
        assertEquals(List.of(2, 1), List.of(yieldCounter.count, unwindCounter.count));
        assertFalse(yieldProbe.isActive());
        assertTrue(unwindProbe.isActive());
        tool.setEvents(EventSet.NONE);
    }

    /** CPython's {@code OSError}. */
    static final class OSError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OSError(String message) {
            super(message);
        }
    }

    /** The {@code Counter} of CPython's {@code check_event_count}: counts, and raises once if asked to. */
    static final class RaisingCounter implements StartCallback, ReturnCallback, CallCallback, LineCallback,
            InstructionCallback, JumpCallback, ExceptionCallback {
        private RuntimeException raises;
        int count;

        RaisingCounter(RuntimeException raises) {
            this.raises = raises;
        }

        private Action count() {
            count++;
            RuntimeException e = raises;
            if (e != null) {
                raises = null;
                throw e;
            }
            return null;
        }

        @Override
        public Action onStart(CodeUnit code, int offset) {
            return count();
        }

        @Override
        public Action onReturn(CodeUnit code, int offset, Object value) {
            return count();
        }

        @Override
        public Action onCall(CodeUnit code, int offset, CallTarget target, Object arg0) {
            return count();
        }

        @Override
        public Action onLine(CodeUnit code, int line) {
            return count();
        }

        @Override
        public Action onInstruction(CodeUnit code, int offset) {
            return count();
        }

        @Override
        public Action onJump(CodeUnit code, int from, int to) {
            return count();
        }

        @Override
        public Action onException(CodeUnit code, int offset, Throwable exception) {
            return count();
        }
    }
}
