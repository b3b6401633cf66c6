package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Port of CPython's {@code TestDisable} ({@code Lib/test/test_monitoring.py}). Legal: DISABLE from a local event
 * stops it at that location, so a loop delivers each location once (S18; CPython checks only that the count is
 * below 4, here the counts are exact). Illegal: DISABLE from a global event is a tool error: the callback
 * is unregistered and the error handler told why, where CPython raises ValueError into the program (S19, S22).
 */
class DisableTest extends MonitoringTestBase {

    /**
     * <pre>
     * def gen(self, cond):          # line 1, offset 0
     *     for i in range(10):       # line 2, FOR_ITER at 4: left 4 -> 6, right 4 -> 20
     *         if cond:              # line 3, branch at 8: left 8 -> 10, right 8 -> 14
     *             yield 1           # line 4, yield at 10, resume at 12, jump 12 -> 4
     *         else:
     *             yield 2           # line 6, yield at 14, resume at 16, jump 16 -> 4
     *                               # return at 20
     * </pre>
     */
    static final class Gen {
        final CodeUnit code = Ports.define("gen", b -> b.length(22).line(0, 2, 1).line(2, 6, 2).line(6, 10, 3)
                .line(10, 14, 4).line(14, 20, 6).line(20, 22, 2).branch(4, 6, 20).branch(8, 10, 14));
        final Probe start = Monitoring.probe(code, Event.METHOD_START, 0);
        final Probe loop = Monitoring.probe(code, Event.BRANCH_LEFT, 4, 6);
        final Probe exit = Monitoring.probe(code, Event.BRANCH_RIGHT, 4, 20);
        final Probe ifTrue = Monitoring.probe(code, Event.BRANCH_LEFT, 8, 10);
        final Probe ifFalse = Monitoring.probe(code, Event.BRANCH_RIGHT, 8, 14);
        final Probe yield1 = Monitoring.probe(code, Event.METHOD_YIELD, 10);
        final Probe resume1 = Monitoring.probe(code, Event.METHOD_RESUME, 12);
        final Probe back1 = Monitoring.probe(code, Event.JUMP, 12, 4);
        final Probe yield2 = Monitoring.probe(code, Event.METHOD_YIELD, 14);
        final Probe resume2 = Monitoring.probe(code, Event.METHOD_RESUME, 16);
        final Probe back2 = Monitoring.probe(code, Event.JUMP, 16, 4);
        final Probe ret = Monitoring.probe(code, Event.METHOD_RETURN, 20);

        /** {@code for _ in self.gen(cond): pass}. */
        void consume(boolean cond) {
            start.fire();
            for (int i = 0; i < 10; i++) {
                loop.fire();
                if (cond) {
                    ifTrue.fire();
                    yield1.fireReturn(1);
                    resume1.fire();
                    back1.fire();
                } else {
                    ifFalse.fire();
                    yield2.fireReturn(2);
                    resume2.fire();
                    back2.fire();
                }
            }
            exit.fire();
            ret.fireReturn(null);
        }
    }

    /**
     * <pre>
     * def raise_handle_reraise(self):   # line 1, offset 0
     *     try:                          # line 2
     *         1/0                       # line 3, raises at 6
     *     except:                       # line 4, handler at 8
     *         raise                     # line 5, reraises at 10 and leaves the function
     * </pre>
     */
    static final class RaiseHandleReraise {
        final CodeUnit code = Ports.define("raise_handle_reraise", b -> b.length(12).line(0, 2, 1).line(2, 4, 2)
                .line(4, 8, 3).line(8, 10, 4).line(10, 12, 5));
        final Probe start = Monitoring.probe(code, Event.METHOD_START, 0);
        final Probe raise = Monitoring.probe(code, Event.RAISE, 6);
        final Probe handled = Monitoring.probe(code, Event.EXCEPTION_HANDLED, 8);
        final Probe reraise = Monitoring.probe(code, Event.RERAISE, 10);
        final Probe unwind = Monitoring.probe(code, Event.METHOD_UNWIND, 10);

        void run() {
            ArithmeticException e = new ArithmeticException("/ by zero");
            start.fire();
            raise.fireException(e);
            handled.fireException(e);
            reraise.fireException(e);
            unwind.fireException(e);
        }
    }

    /** {@code test_disable_legal_events}, with the exact counts: first without DISABLE, then with it. */
    @Test
    void disableLegalEvents() {
        Map<EventSet, List<Integer>> expectedCounts = new LinkedHashMap<>();
        expectedCounts.put(EventSet.of(Event.METHOD_START), List.of(1, 1));
        expectedCounts.put(EventSet.of(Event.METHOD_RESUME), List.of(10, 1));
        expectedCounts.put(EventSet.of(Event.METHOD_RETURN), List.of(1, 1));
        expectedCounts.put(EventSet.of(Event.METHOD_YIELD), List.of(10, 1));
        expectedCounts.put(EventSet.of(Event.JUMP), List.of(10, 1));
        // three branch edges: 4 -> 6 and 8 -> 10 ten times each, 4 -> 20 once
        expectedCounts.put(EventSet.BRANCH, List.of(21, 3));
        Gen gen = new Gen();
        for (Map.Entry<EventSet, List<Integer>> entry : expectedCounts.entrySet()) {
            EventSet events = entry.getKey();
            try {
                CounterWithDisable counter = new CounterWithDisable();
                for (Event<?> event : events.events()) {
                    Ports.register(tool, event, counter);
                }
                tool.setEvents(events);
                gen.consume(true);
                int withoutDisable = counter.count;
                counter.count = 0;
                counter.disable = true;
                gen.consume(true);
                int withDisable = counter.count;
                counter.count = 0;
                gen.consume(true);
                assertEquals(entry.getValue(), List.of(withoutDisable, withDisable), events.toString());
                assertEquals(0, counter.count, events + " after every location was disabled");
                assertEquals(events, tool.getEvents());
            } finally {
                tool.setEvents(EventSet.NONE);
                for (Event<?> event : events.events()) {
                    Ports.register(tool, event, null);
                }
            }
        }
    }

    /** {@code test_disable_illegal_events}, with RERAISE added: each DISABLE is reported, never raised. */
    @Test
    void disableIllegalEvents() {
        RaiseHandleReraise func = new RaiseHandleReraise();
        List<String> errors = new ArrayList<>();
        tool.onError((event, code, error) -> errors.add(event.name() + " " + Ports.tag(code) + " "
                + error.getClass().getSimpleName() + ": " + error.getMessage()));
        List<Event<?>> illegal = List.of(Event.RAISE, Event.METHOD_UNWIND, Event.EXCEPTION_HANDLED, Event.RERAISE);
        for (int i = 0; i < illegal.size(); i++) {
            Event<?> event = illegal.get(i);
            errors.clear();
            try {
                CounterWithDisable counter = new CounterWithDisable();
                counter.disable = true;
                Ports.register(tool, event, counter);
                tool.setEvents(EventSet.of(event));
                func.run(); // nothing reaches the program
                assertEquals(1, counter.count, event.name());
                assertEquals(List.of(event.name() + " raise_handle_reraise IllegalStateException: cannot disable "
                        + event.name() + " events; callback removed"), errors);
                assertEquals(i + 1, tool.errorCount());
                func.run(); // the callback is gone
                assertEquals(1, counter.count, event.name());
                assertEquals(1, errors.size());
                assertNull(Ports.register(tool, event, null), event + " callback must have been removed");
            } finally {
                tool.setEvents(EventSet.NONE);
                Ports.register(tool, event, null);
            }
        }
    }

    /** Not in CPython: an illegal DISABLE of one event leaves the tool's other callbacks and other tools alone. */
    @Test
    void illegalDisableRemovesOnlyThatCallback() {
        RaiseHandleReraise func = new RaiseHandleReraise();
        List<String> events = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        tool.onError((event, code, error) -> errors.add(event.name() + ": " + error.getMessage()));
        Recorder raise = new Recorder("2: ", Event.RAISE, events);
        raise.disable = true;
        Ports.register(tool, Event.RAISE, raise);
        Ports.register(tool, Event.METHOD_UNWIND, new Recorder("2: ", Event.METHOD_UNWIND, events));
        Ports.register(tool2, Event.RAISE, new Recorder("3: ", Event.RAISE, events));
        tool.setEvents(EventSet.of(Event.RAISE, Event.METHOD_UNWIND));
        tool2.setEvents(EventSet.of(Event.RAISE));
        func.run();
        func.run();
        assertEquals(List.of(
                "2: RAISE raise_handle_reraise 6 ArithmeticException(/ by zero)",
                "3: RAISE raise_handle_reraise 6 ArithmeticException(/ by zero)",
                "2: METHOD_UNWIND raise_handle_reraise 10 ArithmeticException(/ by zero)",
                "3: RAISE raise_handle_reraise 6 ArithmeticException(/ by zero)",
                "2: METHOD_UNWIND raise_handle_reraise 10 ArithmeticException(/ by zero)"), events);
        assertEquals(List.of("RAISE: cannot disable RAISE events; callback removed"), errors);
        assertEquals(EventSet.of(Event.RAISE, Event.METHOD_UNWIND), tool.getEvents());
        assertEquals(0, tool2.errorCount());
    }
}
