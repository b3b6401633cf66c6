package io.lowimpact.monitoring.core.conformance;

import static io.lowimpact.monitoring.Event.BRANCH_LEFT;
import static io.lowimpact.monitoring.Event.BRANCH_RIGHT;
import static io.lowimpact.monitoring.Event.CALL;
import static io.lowimpact.monitoring.Event.EXTERNAL_RAISE;
import static io.lowimpact.monitoring.Event.EXTERNAL_RETURN;
import static io.lowimpact.monitoring.Event.INSTRUCTION;
import static io.lowimpact.monitoring.Event.JUMP;
import static io.lowimpact.monitoring.Event.LINE;
import static io.lowimpact.monitoring.Event.METHOD_UNWIND;
import static io.lowimpact.monitoring.Event.RAISE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.LineCallback;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** §4 Callbacks, registration and actions: S16..S19 (delivery, S20..S23, is in {@link DeliveryConformanceTest}). */
class CallbacksConformanceTest extends ConformanceBase {

    private static final CallTarget TARGET = new CallTarget("a.B", "c", "()", CallTarget.Kind.OTHER);

    /** A unit with a switch at 10 (default 20, cases 25 and 28) and an if at 2 (left 3, right 8). */
    private CodeUnit switchUnit(String alias) {
        return rec.alias(CodeUnit.define(CodeUnitSpec.builder(freshClassName(), "sw").sourceFile("sw.tmpl")
                .length(30).line(0, 10, 1).line(10, 30, 2).branch(2, 3, 8).branch(10, 20, 25, 28).build()), alias);
    }

    @Test
    void s16_registerCallbackReturnsThePreviousOne() {
        Tool tool = Monitoring.useToolId(1, "c");
        LineCallback first = rec.callback(1, LINE);
        LineCallback second = rec.callback(1, LINE);
        assertNull(tool.registerCallback(LINE, first));
        assertSame(first, tool.registerCallback(LINE, second));
        assertSame(second, tool.registerCallback(LINE, null));
        assertNull(tool.registerCallback(LINE, null));
        assertNull(tool.registerCallback(INSTRUCTION, rec.callback(1, INSTRUCTION)), "callbacks are per event");
    }

    @Test
    void s16_nullUnregisters() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "c");
        rec.on(tool, LINE);
        tool.setEvents(EventSet.of(LINE));
        Probe line = Monitoring.probe(a, LINE, 0);
        line.fire();
        tool.registerCallback(LINE, null);
        assertFalse(line.isActive());
        line.fire();
        assertEquals(EventSet.of(LINE), tool.getEvents(), "unregistering does not change the events");
        assertEquals(List.of("1:LINE unit=a line=1"), rec.events());
    }

    @Test
    void s16_anEventWithoutCallbackIsSkippedSilently() {
        CodeUnit a = page("a");
        Tool one = Monitoring.useToolId(1, "no-callback");
        Tool two = Monitoring.useToolId(2, "callback");
        one.setEvents(EventSet.of(LINE, RAISE));
        Probe line = Monitoring.probe(a, LINE, 0);
        assertFalse(line.isActive());
        line.fire();
        Monitoring.probe(a, RAISE, 3).fireException(new RuntimeException());
        rec.on(two, LINE);
        two.setEvents(EventSet.of(LINE));
        line.fire();
        assertEquals(List.of("2:LINE unit=a line=1"), rec.events());
        assertEquals(0, one.errorCount());
    }

    @Test
    void s16_registrationDoesNotNeedEvents() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "c");
        rec.on(tool, LINE);
        Probe line = Monitoring.probe(a, LINE, 0);
        line.fire();
        tool.setEvents(EventSet.of(LINE));
        line.fire();
        assertEquals(List.of("1:LINE unit=a line=1"), rec.events());
    }

    @Test
    void s17_nullMeansContinue() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "c");
        rec.on(tool, LINE, () -> null);
        tool.setEvents(EventSet.of(LINE));
        Probe line = Monitoring.probe(a, LINE, 0);
        line.fire();
        line.fire();
        assertTrue(line.isActive());
        assertEquals(List.of("1:LINE unit=a line=1", "1:LINE unit=a line=1"), rec.events());
    }

    @Test
    void s17_continueKeepsAndMonitoringDisableDisables() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "c");
        rec.on(tool, LINE, Action.CONTINUE);
        rec.on(tool, INSTRUCTION, Monitoring.DISABLE);
        tool.setEvents(EventSet.of(LINE, INSTRUCTION));
        Probe line = Monitoring.probe(a, LINE, 0);
        Probe instruction = Monitoring.probe(a, INSTRUCTION, 0);
        for (int i = 0; i < 2; i++) {
            line.fire();
            instruction.fire();
        }
        assertEquals(List.of("1:LINE unit=a line=1", "1:INSTRUCTION unit=a offset=0", "1:LINE unit=a line=1"),
                rec.events());
    }

    @Test
    void s18_disableStopsOnlyThatToolAtThatLocation() {
        CodeUnit a = page("a");
        CodeUnit b = page("b");
        Tool one = Monitoring.useToolId(1, "one");
        Tool two = Monitoring.useToolId(2, "two");
        one.registerCallback(LINE, (code, line) -> {
            rec.add("1:LINE unit=" + rec.unit(code) + " line=" + line);
            return code.id() == a.id() && line == 1 ? Action.DISABLE : Action.CONTINUE;
        });
        rec.on(one, INSTRUCTION);
        rec.on(two, LINE);
        one.setEvents(EventSet.of(LINE, INSTRUCTION));
        two.setEvents(EventSet.of(LINE));
        Probe a0 = Monitoring.probe(a, LINE, 0);

        a0.fire();
        assertTrue(a0.isActive(), "tool 2 still receives it");
        a0.fire();
        Monitoring.probe(a, LINE, 5).fire();
        Monitoring.probe(a, LINE, 10).fire();
        Monitoring.probe(b, LINE, 0).fire();
        Monitoring.probe(a, INSTRUCTION, 0).fire();

        assertEquals(List.of(
                "1:LINE unit=a line=1", "2:LINE unit=a line=1",
                "2:LINE unit=a line=1",
                "1:LINE unit=a line=1", "2:LINE unit=a line=1",
                "1:LINE unit=a line=2", "2:LINE unit=a line=2",
                "1:LINE unit=b line=1", "2:LINE unit=b line=1",
                "1:INSTRUCTION unit=a offset=0"), rec.events());
        assertEquals(EventSet.of(LINE, INSTRUCTION), one.getEvents());
        assertEquals(EventSet.NONE, one.getLocalEvents(a));
        assertEquals(EventSet.of(LINE), two.getEvents());
    }

    @Test
    void s18_disableOfAnEdgeKeepsTheOtherEdges() {
        CodeUnit s = switchUnit("s");
        Tool tool = Monitoring.useToolId(1, "branches");
        tool.registerCallback(BRANCH_RIGHT, (code, from, to) -> {
            rec.add("1:BRANCH_RIGHT " + from + "->" + to);
            return to == 25 ? Action.DISABLE : Action.CONTINUE;
        });
        tool.registerCallback(BRANCH_LEFT, (code, from, to) -> {
            rec.add("1:BRANCH_LEFT " + from + "->" + to);
            return Action.DISABLE;
        });
        tool.registerCallback(JUMP, (code, from, to) -> {
            rec.add("1:JUMP " + from + "->" + to);
            return to == 0 ? Action.DISABLE : Action.CONTINUE;
        });
        tool.setLocalEvents(s, EventSet.of(BRANCH_LEFT, BRANCH_RIGHT, JUMP));
        for (int i = 0; i < 2; i++) {
            Monitoring.probe(s, BRANCH_RIGHT, 10, 25).fire();
            Monitoring.probe(s, BRANCH_RIGHT, 10, 28).fire();
            Monitoring.probe(s, BRANCH_LEFT, 10, 20).fire();
            Monitoring.probe(s, BRANCH_RIGHT, 2, 8).fire();
            Monitoring.probe(s, JUMP, 29, 0).fire();
            Monitoring.probe(s, JUMP, 29, 10).fire();
        }
        assertEquals(List.of(
                "1:BRANCH_RIGHT 10->25", "1:BRANCH_RIGHT 10->28", "1:BRANCH_LEFT 10->20", "1:BRANCH_RIGHT 2->8",
                "1:JUMP 29->0", "1:JUMP 29->10",
                "1:BRANCH_RIGHT 10->28", "1:BRANCH_RIGHT 2->8", "1:JUMP 29->10"), rec.events());
        assertEquals(EventSet.of(BRANCH_LEFT, BRANCH_RIGHT, JUMP), tool.getLocalEvents(s));
    }

    @Test
    void s18_disableIsPerToolEvenWhenBothDisable() {
        CodeUnit a = page("a");
        Tool one = Monitoring.useToolId(1, "one");
        Tool two = Monitoring.useToolId(2, "two");
        rec.on(one, LINE, Action.DISABLE);
        rec.on(two, LINE);
        one.setEvents(EventSet.of(LINE));
        two.setEvents(EventSet.of(LINE));
        Probe line = Monitoring.probe(a, LINE, 0);
        line.fire();
        line.fire();
        rec.on(two, LINE, Action.DISABLE);
        line.fire();
        assertFalse(line.isActive());
        line.fire();
        assertEquals(List.of("1:LINE unit=a line=1", "2:LINE unit=a line=1", "2:LINE unit=a line=1",
                "2:LINE unit=a line=1"), rec.events());
    }

    @Test
    void s19_disableFromAGlobalEventRemovesTheCallbackAndReportsAnError() {
        CodeUnit a = page("a");
        Tool one = Monitoring.useToolId(1, "one");
        Tool two = Monitoring.useToolId(2, "two");
        List<String> errors = new ArrayList<>();
        one.onError((event, code, error) -> errors.add(event.name() + " " + rec.unit(code) + " "
                + error.getClass().getName() + ": " + error.getMessage()));
        rec.on(one, RAISE, Action.DISABLE);
        rec.on(two, RAISE);
        one.setEvents(EventSet.of(RAISE));
        two.setEvents(EventSet.of(RAISE));
        Probe raise = Monitoring.probe(a, RAISE, 4);
        RuntimeException boom = new RuntimeException("boom");
        raise.fireException(boom); // returns normally: the application sees nothing
        raise.fireException(boom);
        assertEquals(List.of(
                "1:RAISE unit=a offset=4 exception=java.lang.RuntimeException: boom",
                "2:RAISE unit=a offset=4 exception=java.lang.RuntimeException: boom",
                "2:RAISE unit=a offset=4 exception=java.lang.RuntimeException: boom"), rec.events());
        assertEquals(List.of("RAISE a java.lang.IllegalStateException: cannot disable RAISE events; callback removed"),
                errors);
        assertEquals(1, one.errorCount());
        assertEquals(0, two.errorCount());
        assertNull(one.registerCallback(RAISE, null), "the callback was unregistered");
        assertEquals(EventSet.of(RAISE), one.getEvents(), "the events stay as they were");
    }

    @Test
    void s18_disableOfACallEndsItsExternalEventsThereForThatToolOnly() {
        CodeUnit a = page("a");
        Tool one = Monitoring.useToolId(1, "one");
        Tool two = Monitoring.useToolId(2, "two");
        one.registerCallback(CALL, (code, offset, target, arg0) -> {
            rec.add("1:CALL offset=" + offset);
            return offset == 4 ? Action.DISABLE : Action.CONTINUE;
        });
        rec.on(one, EXTERNAL_RETURN);
        rec.on(one, EXTERNAL_RAISE);
        rec.on(two, CALL);
        rec.on(two, EXTERNAL_RETURN);
        rec.on(two, EXTERNAL_RAISE);
        one.setEvents(EventSet.of(CALL, EXTERNAL_RETURN, EXTERNAL_RAISE));
        two.setEvents(EventSet.of(CALL, EXTERNAL_RETURN, EXTERNAL_RAISE));
        Probe call4 = Monitoring.probe(a, CALL, 4, TARGET);
        Probe return4 = Monitoring.probe(a, EXTERNAL_RETURN, 4, TARGET);
        Probe return9 = Monitoring.probe(a, EXTERNAL_RETURN, 9, TARGET);

        call4.fireCall("x");
        return4.fireCall("x");
        Probe raise4 = Monitoring.probe(a, EXTERNAL_RAISE, 4, TARGET); // made after the DISABLE
        raise4.fireCall("x");
        return9.fireCall("y");
        assertEquals(List.of(
                "1:CALL offset=4", "2:CALL unit=a offset=4 target=a.B.c() arg0=x",
                "2:EXTERNAL_RETURN unit=a offset=4 target=a.B.c() arg0=x",
                "2:EXTERNAL_RAISE unit=a offset=4 target=a.B.c() arg0=x",
                "1:EXTERNAL_RETURN unit=a offset=9 target=a.B.c() arg0=y",
                "2:EXTERNAL_RETURN unit=a offset=9 target=a.B.c() arg0=y"), rec.take());
        assertEquals(0, one.errorCount());

        one.restartEvents();
        return4.fireCall("x");
        raise4.fireCall("x");
        assertEquals(List.of(
                "1:EXTERNAL_RETURN unit=a offset=4 target=a.B.c() arg0=x",
                "2:EXTERNAL_RETURN unit=a offset=4 target=a.B.c() arg0=x",
                "1:EXTERNAL_RAISE unit=a offset=4 target=a.B.c() arg0=x",
                "2:EXTERNAL_RAISE unit=a offset=4 target=a.B.c() arg0=x"), rec.events(),
                "the restart lifts the marks of the call's external events with the CALL's");
    }

    @Test
    void s19_disableFromAnAncillaryEventIsAToolError() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(3, "three");
        List<String> errors = new ArrayList<>();
        tool.onError((event, code, error) -> errors.add(event.name() + " " + error.getMessage()));
        rec.on(tool, EXTERNAL_RETURN, Action.DISABLE);
        rec.on(tool, METHOD_UNWIND, Action.DISABLE);
        tool.setEvents(EventSet.of(CALL, METHOD_UNWIND));
        Probe ret = Monitoring.probe(a, EXTERNAL_RETURN, 4, TARGET);
        Probe unwind = Monitoring.probe(a, METHOD_UNWIND, 29);
        ret.fireCall("x");
        ret.fireCall("x");
        unwind.fireException(new IllegalStateException("u"));
        unwind.fireException(new IllegalStateException("u"));
        assertEquals(List.of(
                "3:EXTERNAL_RETURN unit=a offset=4 target=a.B.c() arg0=x",
                "3:METHOD_UNWIND unit=a offset=29 exception=java.lang.IllegalStateException: u"), rec.events());
        assertEquals(List.of(
                "EXTERNAL_RETURN cannot disable EXTERNAL_RETURN events; callback removed",
                "METHOD_UNWIND cannot disable METHOD_UNWIND events; callback removed"), errors);
        assertEquals(2, tool.errorCount());
        assertFalse(ret.isActive());
        assertFalse(unwind.isActive());
    }
}
