package io.lowimpact.monitoring.core.conformance;

import static io.lowimpact.monitoring.Event.BRANCH_LEFT;
import static io.lowimpact.monitoring.Event.BRANCH_RIGHT;
import static io.lowimpact.monitoring.Event.CALL;
import static io.lowimpact.monitoring.Event.EXCEPTION_HANDLED;
import static io.lowimpact.monitoring.Event.EXTERNAL_RAISE;
import static io.lowimpact.monitoring.Event.EXTERNAL_RETURN;
import static io.lowimpact.monitoring.Event.INSTRUCTION;
import static io.lowimpact.monitoring.Event.JUMP;
import static io.lowimpact.monitoring.Event.LINE;
import static io.lowimpact.monitoring.Event.METHOD_RESUME;
import static io.lowimpact.monitoring.Event.METHOD_RETURN;
import static io.lowimpact.monitoring.Event.METHOD_START;
import static io.lowimpact.monitoring.Event.METHOD_THROW;
import static io.lowimpact.monitoring.Event.METHOD_UNWIND;
import static io.lowimpact.monitoring.Event.METHOD_YIELD;
import static io.lowimpact.monitoring.Event.RAISE;
import static io.lowimpact.monitoring.Event.RERAISE;
import static io.lowimpact.monitoring.Event.STOP_ITERATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;

import java.util.List;

import org.junit.jupiter.api.Test;

/** §2 Events and event sets: S8..S11. */
class EventsConformanceTest extends ConformanceBase {

    private static final CallTarget TARGET = new CallTarget("a.B", "c", "()", CallTarget.Kind.OTHER);

    @Test
    void s8_everyEventReachesItsCallbackWithItsArguments() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "all");
        rec.onAll(tool);
        tool.setEvents(EventSet.ALL);
        Exception boom = new IllegalStateException("boom");

        Monitoring.probe(a, METHOD_START, 0).fire();
        Monitoring.probe(a, METHOD_RESUME, 5).fire();
        Monitoring.probe(a, METHOD_RETURN, 29).fireReturn(42);
        Monitoring.probe(a, METHOD_RETURN, 28).fireReturn(Monitoring.MISSING);
        Monitoring.probe(a, METHOD_YIELD, 6).fireReturn("y");
        Monitoring.probe(a, CALL, 4, TARGET).fireCall("recv");
        Monitoring.probe(a, CALL, 7, TARGET).fireCall(Monitoring.MISSING);
        Monitoring.probe(a, LINE, 12).fire();
        Monitoring.probe(a, INSTRUCTION, 13).fire();
        Monitoring.probe(a, JUMP, 27, 0).fire();
        Monitoring.probe(a, BRANCH_LEFT, 10, 20).fire();
        Monitoring.probe(a, BRANCH_RIGHT, 10, 25).fire();
        Monitoring.probe(a, STOP_ITERATION, 14).fireException(boom);
        Monitoring.probe(a, RAISE, 15).fireException(boom);
        Monitoring.probe(a, EXCEPTION_HANDLED, 16).fireException(boom);
        Monitoring.probe(a, METHOD_UNWIND, 17).fireException(boom);
        Monitoring.probe(a, METHOD_THROW, 18).fireException(boom);
        Monitoring.probe(a, RERAISE, 19).fireException(boom);
        Monitoring.probe(a, EXTERNAL_RETURN, 4, TARGET).fireCall("recv");
        Monitoring.probe(a, EXTERNAL_RAISE, 4, TARGET).fireCall(null);

        String ex = " exception=java.lang.IllegalStateException: boom";
        assertEquals(List.of(
                "1:METHOD_START unit=a offset=0",
                "1:METHOD_RESUME unit=a offset=5",
                "1:METHOD_RETURN unit=a offset=29 value=42",
                "1:METHOD_RETURN unit=a offset=28 value=MISSING",
                "1:METHOD_YIELD unit=a offset=6 value=y",
                "1:CALL unit=a offset=4 target=a.B.c() arg0=recv",
                "1:CALL unit=a offset=7 target=a.B.c() arg0=MISSING",
                "1:LINE unit=a line=2",
                "1:INSTRUCTION unit=a offset=13",
                "1:JUMP unit=a from=27 to=0",
                "1:BRANCH_LEFT unit=a from=10 to=20",
                "1:BRANCH_RIGHT unit=a from=10 to=25",
                "1:STOP_ITERATION unit=a offset=14" + ex,
                "1:RAISE unit=a offset=15" + ex,
                "1:EXCEPTION_HANDLED unit=a offset=16" + ex,
                "1:METHOD_UNWIND unit=a offset=17" + ex,
                "1:METHOD_THROW unit=a offset=18" + ex,
                "1:RERAISE unit=a offset=19" + ex,
                "1:EXTERNAL_RETURN unit=a offset=4 target=a.B.c() arg0=recv",
                "1:EXTERNAL_RAISE unit=a offset=4 target=a.B.c() arg0=null"), rec.events());
    }

    @Test
    void s8_callbacksReceiveTheUnitObjectAndExactValues() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(2, "p");
        Object[] seen = new Object[4];
        Exception boom = new RuntimeException();
        Object value = new Object();
        tool.registerCallback(METHOD_RETURN, (code, offset, v) -> {
            seen[0] = code;
            seen[1] = v;
            return null;
        });
        tool.registerCallback(RAISE, (code, offset, e) -> {
            seen[2] = e;
            return null;
        });
        tool.registerCallback(CALL, (code, offset, target, arg0) -> {
            seen[3] = target;
            return null;
        });
        tool.setEvents(EventSet.of(METHOD_RETURN, RAISE, CALL));
        Monitoring.probe(a, METHOD_RETURN, 2).fireReturn(value);
        Monitoring.probe(a, RAISE, 2).fireException(boom);
        Monitoring.probe(a, CALL, 2, TARGET).fireCall(null);
        assertEquals(a.id(), ((CodeUnit) seen[0]).id());
        assertTrue(seen[1] == value, "the value is passed as is");
        assertTrue(seen[2] == boom, "the exception is passed as is");
        assertEquals(TARGET, seen[3]);
    }

    @Test
    void s9_getEventsReturnsTheSetThatWasSet() {
        Tool tool = Monitoring.useToolId(1, "c");
        EventSet set = EventSet.of(BRANCH_LEFT, LINE);
        tool.setEvents(set);
        assertEquals(set, tool.getEvents());
        assertEquals("{LINE, BRANCH_LEFT}", tool.getEvents().toString());
        tool.setEvents(EventSet.NONE);
        assertTrue(tool.getEvents().isEmpty());
    }

    @Test
    void s9_branchSetDeliversBothEdges() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "c");
        rec.on(tool, BRANCH_LEFT);
        rec.on(tool, BRANCH_RIGHT);
        rec.on(tool, LINE);
        tool.setEvents(EventSet.BRANCH);
        Monitoring.probe(a, LINE, 0).fire();
        Monitoring.probe(a, BRANCH_LEFT, 10, 20).fire();
        Monitoring.probe(a, BRANCH_RIGHT, 10, 25).fire();
        tool.setEvents(EventSet.BRANCH.minus(EventSet.of(BRANCH_LEFT)).union(EventSet.of(LINE)));
        Monitoring.probe(a, LINE, 0).fire();
        Monitoring.probe(a, BRANCH_LEFT, 10, 20).fire();
        Monitoring.probe(a, BRANCH_RIGHT, 10, 25).fire();
        assertEquals(List.of(
                "1:BRANCH_LEFT unit=a from=10 to=20",
                "1:BRANCH_RIGHT unit=a from=10 to=25",
                "1:LINE unit=a line=1",
                "1:BRANCH_RIGHT unit=a from=10 to=25"), rec.events());
    }

    @Test
    void s10_externalEventsWithoutCallAreRejected() {
        Tool tool = Monitoring.useToolId(1, "c");
        tool.setEvents(EventSet.of(LINE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tool.setEvents(EventSet.of(EXTERNAL_RETURN)));
        assertEquals("EXTERNAL_RETURN and EXTERNAL_RAISE need CALL in the same set: {EXTERNAL_RETURN}", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Monitoring.setEvents(1, EventSet.of(EXTERNAL_RAISE)));
        assertEquals("EXTERNAL_RETURN and EXTERNAL_RAISE need CALL in the same set: {EXTERNAL_RAISE}", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tool.setEvents(EventSet.ANCILLARY));
        assertEquals("EXTERNAL_RETURN and EXTERNAL_RAISE need CALL in the same set: {EXTERNAL_RETURN, EXTERNAL_RAISE}",
                e.getMessage());
        assertEquals(EventSet.of(LINE), tool.getEvents(), "a rejected set changes nothing");
    }

    @Test
    void s10_externalEventsWithCallAreAcceptedAndNotReported() {
        Tool tool = Monitoring.useToolId(1, "c");
        tool.setEvents(EventSet.of(CALL, EXTERNAL_RETURN, EXTERNAL_RAISE, LINE));
        assertEquals(EventSet.of(CALL, LINE), tool.getEvents());
        tool.setEvents(EventSet.ALL);
        assertEquals(EventSet.ALL.minus(EventSet.ANCILLARY), tool.getEvents());
    }

    @Test
    void s10_externalEventsFireWheneverCallIsSet() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "c");
        rec.on(tool, EXTERNAL_RETURN);
        rec.on(tool, EXTERNAL_RAISE);
        Probe ret = Monitoring.probe(a, EXTERNAL_RETURN, 4, TARGET);
        Probe raise = Monitoring.probe(a, EXTERNAL_RAISE, 4, TARGET);
        ret.fireCall("x");
        assertFalse(ret.isActive(), "no CALL, no EXTERNAL_RETURN");
        tool.setEvents(EventSet.of(CALL));
        assertTrue(ret.isActive());
        assertTrue(raise.isActive());
        ret.fireCall("x");
        raise.fireCall("y");
        rec.add("--");
        tool.setEvents(EventSet.of(CALL, EXTERNAL_RETURN));
        ret.fireCall("x");
        raise.fireCall("y");
        rec.add("--");
        tool.setEvents(EventSet.of(LINE));
        ret.fireCall("x");
        raise.fireCall("y");
        assertEquals(List.of(
                "1:EXTERNAL_RETURN unit=a offset=4 target=a.B.c() arg0=x",
                "1:EXTERNAL_RAISE unit=a offset=4 target=a.B.c() arg0=y",
                "--",
                "1:EXTERNAL_RETURN unit=a offset=4 target=a.B.c() arg0=x",
                "1:EXTERNAL_RAISE unit=a offset=4 target=a.B.c() arg0=y",
                "--"), rec.events());
    }

    @Test
    void s10_externalEventsFollowLocalCall() {
        CodeUnit a = page("a");
        CodeUnit b = page("b");
        Tool tool = Monitoring.useToolId(1, "c");
        rec.on(tool, EXTERNAL_RETURN);
        tool.setLocalEvents(a, EventSet.of(CALL));
        Monitoring.probe(a, EXTERNAL_RETURN, 4, TARGET).fireCall("x");
        Monitoring.probe(b, EXTERNAL_RETURN, 4, TARGET).fireCall("x");
        assertEquals(List.of("1:EXTERNAL_RETURN unit=a offset=4 target=a.B.c() arg0=x"), rec.events());
    }

    @Test
    void s10_externalEventsNeedTheirOwnCallback() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "c");
        rec.on(tool, CALL);
        tool.setEvents(EventSet.of(CALL));
        Probe ret = Monitoring.probe(a, EXTERNAL_RETURN, 4, TARGET);
        assertFalse(ret.isActive());
        ret.fireCall("x");
        Monitoring.probe(a, CALL, 4, TARGET).fireCall("x");
        assertEquals(List.of("1:CALL unit=a offset=4 target=a.B.c() arg0=x"), rec.events());
    }

    @Test
    void s11_settingTheSameSetAgainKeepsDisableMarks() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "c");
        rec.on(tool, LINE, Action.DISABLE);
        rec.on(tool, INSTRUCTION, Action.DISABLE);
        tool.setEvents(EventSet.of(LINE));
        tool.setLocalEvents(a, EventSet.of(INSTRUCTION));
        Probe line = Monitoring.probe(a, LINE, 0);
        Probe instruction = Monitoring.probe(a, INSTRUCTION, 1);
        line.fire();
        instruction.fire();
        tool.setEvents(EventSet.of(LINE));
        tool.setLocalEvents(a, EventSet.of(INSTRUCTION));
        Monitoring.setEvents(1, EventSet.of(LINE));
        assertFalse(line.isActive());
        assertFalse(instruction.isActive());
        line.fire();
        instruction.fire();
        assertEquals(EventSet.of(LINE), tool.getEvents());
        assertEquals(EventSet.of(INSTRUCTION), tool.getLocalEvents(a));
        assertEquals(List.of("1:LINE unit=a line=1", "1:INSTRUCTION unit=a offset=1"), rec.events());
    }

    @Test
    void s11_settingAnEqualSetBuiltAnotherWayKeepsDisableMarks() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "c");
        rec.on(tool, LINE, Action.DISABLE);
        tool.setEvents(EventSet.of(LINE, Event.CALL));
        Probe line = Monitoring.probe(a, LINE, 0);
        line.fire();
        tool.setEvents(EventSet.of(Event.CALL).union(EventSet.of(LINE)));
        tool.setEvents(EventSet.of(Event.CALL, LINE, EXTERNAL_RETURN));
        line.fire();
        assertEquals(List.of("1:LINE unit=a line=1"), rec.events());
    }
}
