package io.lowimpact.monitoring.core.conformance;

import static io.lowimpact.monitoring.Event.INSTRUCTION;
import static io.lowimpact.monitoring.Event.LINE;
import static io.lowimpact.monitoring.Event.RAISE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.LineCallback;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** §1 Tools: S1..S7. */
class ToolsConformanceTest extends ConformanceBase {

    private static void assertIae(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    private static void assertIse(String message, Executable call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call);
        assertEquals(message, e.getMessage());
    }

    @Test
    void s1_everyIdFromZeroToFiveCanBeClaimed() {
        for (int id = 0; id <= 5; id++) {
            Tool tool = Monitoring.useToolId(id, "tool" + id);
            assertEquals(id, tool.id());
        }
        for (int id = 0; id <= 5; id++) {
            assertEquals(Optional.of("tool" + id), Monitoring.getTool(id));
        }
    }

    @Test
    void s1_namedIds() {
        assertEquals(0, Monitoring.DEBUGGER_ID);
        assertEquals(1, Monitoring.COVERAGE_ID);
        assertEquals(2, Monitoring.PROFILER_ID);
        assertEquals(5, Monitoring.OPTIMIZER_ID);
    }

    @Test
    void s1_idsOutsideZeroToFiveAreRejectedByEveryIdMethod() {
        CodeUnit unit = page("a");
        for (int id : new int[] {-1, 6, 7, 100, Integer.MIN_VALUE}) {
            String msg = "invalid tool " + id + " (must be between 0 and 5)";
            assertIae(msg, () -> Monitoring.useToolId(id, "x"));
            assertIae(msg, () -> Monitoring.getTool(id));
            assertIae(msg, () -> Monitoring.clearToolId(id));
            assertIae(msg, () -> Monitoring.freeToolId(id));
            assertIae(msg, () -> Monitoring.registerCallback(id, LINE, (code, line) -> Action.CONTINUE));
            assertIae(msg, () -> Monitoring.setEvents(id, EventSet.of(LINE)));
            assertIae(msg, () -> Monitoring.getEvents(id));
            assertIae(msg, () -> Monitoring.setLocalEvents(id, unit, EventSet.of(LINE)));
            assertIae(msg, () -> Monitoring.getLocalEvents(id, unit));
            assertIae(msg, () -> Monitoring.restartEvents(id));
        }
    }

    @Test
    void s2_useToolIdReturnsTheHandle() {
        Tool tool = Monitoring.useToolId(Monitoring.COVERAGE_ID, "coverage");
        assertEquals(1, tool.id());
        assertEquals("coverage", tool.name());
        assertEquals(Optional.of("coverage"), Monitoring.getTool(1));
    }

    @Test
    void s2_nullOrBlankNameIsRejectedAndTheIdStaysFree() {
        assertIae("invalid tool name ' ' (must not be null or blank)", () -> Monitoring.useToolId(1, " "));
        assertIae("invalid tool name '' (must not be null or blank)", () -> Monitoring.useToolId(1, ""));
        assertIae("invalid tool name 'null' (must not be null or blank)", () -> Monitoring.useToolId(1, null));
        assertEquals(Optional.empty(), Monitoring.getTool(1));
        assertEquals(1, Monitoring.useToolId(1, "coverage").id());
    }

    @Test
    void s2_idInUseIsRejectedAndTheOwnerKeepsIt() {
        Tool owner = Monitoring.useToolId(1, "coverage");
        owner.registerCallback(LINE, rec.callback(1, LINE));
        owner.setEvents(EventSet.of(LINE));
        assertIse("tool 1 is already in use by 'coverage'", () -> Monitoring.useToolId(1, "other"));
        assertIse("tool 1 is already in use by 'coverage'", () -> Monitoring.useToolId(1, "coverage"));
        assertEquals(Optional.of("coverage"), Monitoring.getTool(1));
        assertEquals(EventSet.of(LINE), owner.getEvents());
        CodeUnit unit = page("a");
        Monitoring.probe(unit, LINE, 0).fire();
        assertEquals(List.of("1:LINE unit=a line=1"), rec.events());
    }

    @Test
    void s3_getToolIsEmptyWhenFreeAndTheNameWhenClaimed() {
        assertEquals(Optional.empty(), Monitoring.getTool(3));
        Monitoring.useToolId(3, "tracer");
        assertEquals(Optional.of("tracer"), Monitoring.getTool(3));
        assertEquals(Optional.empty(), Monitoring.getTool(4));
        Monitoring.freeToolId(3);
        assertEquals(Optional.empty(), Monitoring.getTool(3));
    }

    @Test
    void s4_clearToolIdDropsCallbacksEventsLocalEventsAndMarksButKeepsTheId() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "coverage");
        LineCallback cb = rec.callback(1, LINE, Action.DISABLE);
        tool.registerCallback(LINE, cb);
        tool.registerCallback(INSTRUCTION, rec.callback(1, INSTRUCTION));
        tool.setEvents(EventSet.of(LINE));
        tool.setLocalEvents(a, EventSet.of(INSTRUCTION));
        Probe line = Monitoring.probe(a, LINE, 0);
        Probe instruction = Monitoring.probe(a, INSTRUCTION, 3);
        line.fire(); // DISABLEs line 1 of a for tool 1
        instruction.fire();
        assertEquals(List.of("1:LINE unit=a line=1", "1:INSTRUCTION unit=a offset=3"), rec.take());

        Monitoring.clearToolId(1);

        assertEquals(Optional.of("coverage"), Monitoring.getTool(1));
        assertEquals(EventSet.NONE, tool.getEvents());
        assertEquals(EventSet.NONE, tool.getLocalEvents(a));
        assertFalse(line.isActive());
        assertFalse(instruction.isActive());
        line.fire();
        instruction.fire();
        assertEquals(List.of(), rec.take(), "no events after clear");

        assertNull(tool.registerCallback(LINE, rec.callback(1, LINE)), "callbacks were unregistered");
        tool.setEvents(EventSet.of(LINE));
        line.fire();
        assertEquals(List.of("1:LINE unit=a line=1"), rec.take(), "the DISABLE mark was dropped");
    }

    @Test
    void s4_clearToolIdOnAFreeIdDoesNothing() {
        Monitoring.clearToolId(4);
        assertEquals(Optional.empty(), Monitoring.getTool(4));
        assertEquals(EventSet.NONE, Monitoring.getEvents(4));
    }

    @Test
    void s4_clearLeavesOtherToolsAlone() {
        CodeUnit a = page("a");
        Tool one = Monitoring.useToolId(1, "one");
        Tool two = Monitoring.useToolId(2, "two");
        rec.on(one, LINE);
        rec.on(two, LINE, Action.DISABLE);
        one.setEvents(EventSet.of(LINE));
        two.setLocalEvents(a, EventSet.of(LINE));
        Probe line = Monitoring.probe(a, LINE, 0);
        line.fire();
        one.clear();
        line.fire();
        assertEquals(EventSet.of(LINE), two.getLocalEvents(a));
        assertEquals(List.of("1:LINE unit=a line=1", "2:LINE unit=a line=1"), rec.events(),
                "tool 2 keeps its DISABLE mark and tool 1 gets nothing");
    }

    @Test
    void s5_freeToolIdFreesTheId() {
        Monitoring.useToolId(2, "profiler");
        Monitoring.freeToolId(2);
        assertEquals(Optional.empty(), Monitoring.getTool(2));
        assertEquals(EventSet.NONE, Monitoring.getEvents(2));
        assertEquals(2, Monitoring.useToolId(2, "profiler2").id());
    }

    @Test
    void s5_freeToolIdOnAFreeIdDoesNothing() {
        Monitoring.freeToolId(4);
        Monitoring.freeToolId(4);
        assertEquals(Optional.empty(), Monitoring.getTool(4));
    }

    @Test
    void s5_nothingOfTheOldToolFiresAfterFreeAndReuse() {
        CodeUnit a = page("a");
        Tool old = Monitoring.useToolId(1, "old");
        rec.on(old, LINE, Action.DISABLE);
        rec.on(old, INSTRUCTION);
        rec.on(old, RAISE);
        old.setEvents(EventSet.of(RAISE));
        old.setLocalEvents(a, EventSet.of(LINE, INSTRUCTION));
        Probe line = Monitoring.probe(a, LINE, 0);
        Probe instruction = Monitoring.probe(a, INSTRUCTION, 0);
        Probe raise = Monitoring.probe(a, RAISE, 4);
        line.fire(); // old tool disables line 1
        assertEquals(List.of("1:LINE unit=a line=1"), rec.take());

        Monitoring.freeToolId(1);
        Tool fresh = Monitoring.useToolId(1, "new");
        assertEquals(EventSet.NONE, fresh.getEvents());
        assertEquals(EventSet.NONE, fresh.getLocalEvents(a), "no stale local events");
        line.fire();
        instruction.fire();
        raise.fireException(new IllegalStateException("x"));
        assertEquals(List.of(), rec.take(), "no stale callbacks or events");

        fresh.registerCallback(LINE, rec.callback(1, LINE));
        line.fire();
        assertEquals(List.of(), rec.take(), "a callback alone does not bring back old events");
        fresh.setEvents(EventSet.of(LINE));
        line.fire();
        line.fire();
        assertEquals(List.of("1:LINE unit=a line=1", "1:LINE unit=a line=1"), rec.take(),
                "no stale DISABLE mark, and the new callback (CONTINUE) is the one called");
    }

    @Test
    void s6_handleHasInstanceFormsOfEveryOperation() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(3, "three");
        assertEquals(3, tool.id());
        assertEquals("three", tool.name());
        LineCallback cb = rec.callback(3, LINE, Action.DISABLE);
        assertNull(tool.registerCallback(LINE, cb));
        assertSame(cb, tool.registerCallback(LINE, cb));
        tool.setEvents(EventSet.of(LINE));
        assertEquals(EventSet.of(LINE), tool.getEvents());
        assertEquals(EventSet.of(LINE), Monitoring.getEvents(3));
        tool.setLocalEvents(a, EventSet.of(INSTRUCTION));
        assertEquals(EventSet.of(INSTRUCTION), tool.getLocalEvents(a));
        assertEquals(EventSet.of(INSTRUCTION), Monitoring.getLocalEvents(3, a));
        Probe line = Monitoring.probe(a, LINE, 0);
        line.fire();
        line.fire();
        tool.restartEvents();
        line.fire();
        assertEquals(List.of("3:LINE unit=a line=1", "3:LINE unit=a line=1"), rec.take());
        tool.clear();
        assertEquals(Optional.of("three"), Monitoring.getTool(3));
        assertEquals(EventSet.NONE, tool.getEvents());
        assertEquals(EventSet.NONE, tool.getLocalEvents(a));
        assertNull(tool.registerCallback(LINE, null));
        assertEquals(0, tool.errorCount());
    }

    @Test
    void s6_closeFreesTheIdAndASecondCloseDoesNothing() {
        Tool tool = Monitoring.useToolId(1, "coverage");
        try (tool) {
            assertEquals(Optional.of("coverage"), Monitoring.getTool(1));
        }
        assertEquals(Optional.empty(), Monitoring.getTool(1));
        tool.close();
        assertEquals(Optional.empty(), Monitoring.getTool(1));
    }

    @Test
    void s6_freedHandleThrowsEvenAfterTheIdIsClaimedAgain() {
        CodeUnit a = page("a");
        Tool stale = Monitoring.useToolId(1, "coverage");
        Monitoring.freeToolId(1);
        Tool fresh = Monitoring.useToolId(1, "other");
        rec.on(fresh, LINE);
        fresh.setEvents(EventSet.of(LINE));

        String msg = "tool 'coverage' (id 1) has been freed";
        assertIse(msg, () -> stale.registerCallback(LINE, (code, line) -> Action.CONTINUE));
        assertIse(msg, () -> stale.setEvents(EventSet.NONE));
        assertIse(msg, stale::getEvents);
        assertIse(msg, () -> stale.setLocalEvents(a, EventSet.NONE));
        assertIse(msg, () -> stale.getLocalEvents(a));
        assertIse(msg, stale::restartEvents);
        assertIse(msg, stale::clear);
        assertIse(msg, () -> stale.onError(null));
        assertEquals(1, stale.id());
        assertEquals("coverage", stale.name());
        assertEquals(0, stale.errorCount());
        stale.close();

        assertEquals(Optional.of("other"), Monitoring.getTool(1), "closing a stale handle must not free the new owner");
        assertEquals(EventSet.of(LINE), fresh.getEvents());
        Monitoring.probe(a, LINE, 0).fire();
        assertEquals(List.of("1:LINE unit=a line=1"), rec.events());
    }

    @Test
    void s6_aFreedHandleKeepsCountingItsOwnErrorsOnly() {
        CodeUnit a = page("a");
        Probe line = Monitoring.probe(a, LINE, 0);
        Tool old = Monitoring.useToolId(1, "old");
        old.onError((event, code, error) -> { });
        old.registerCallback(LINE, (code, lineNo) -> {
            throw new IllegalStateException("old");
        });
        old.setEvents(EventSet.of(LINE));
        line.fire();
        line.fire();
        assertEquals(2, old.errorCount());
        old.close();
        assertEquals(2, old.errorCount(), "errorCount() still answers on a freed handle");

        Tool fresh = Monitoring.useToolId(1, "new");
        fresh.onError((event, code, error) -> { });
        fresh.registerCallback(LINE, (code, lineNo) -> {
            throw new IllegalStateException("new");
        });
        fresh.setEvents(EventSet.of(LINE));
        line.fire();
        assertEquals(1, fresh.errorCount(), "a new claim starts counting from zero");
        assertEquals(2, old.errorCount(), "the stale handle reports its own tool's errors, not the new owner's");
    }

    @Test
    void s7_staticFormsWorkById() {
        CodeUnit a = page("a");
        Monitoring.useToolId(4, "four");
        LineCallback cb = rec.callback(4, LINE);
        assertNull(Monitoring.registerCallback(4, LINE, cb));
        assertSame(cb, Monitoring.registerCallback(4, LINE, cb));
        Monitoring.setEvents(4, EventSet.of(LINE));
        assertEquals(EventSet.of(LINE), Monitoring.getEvents(4));
        Monitoring.setLocalEvents(4, a, EventSet.of(INSTRUCTION));
        assertEquals(EventSet.of(INSTRUCTION), Monitoring.getLocalEvents(4, a));
        Monitoring.probe(a, LINE, 0).fire();
        assertEquals(List.of("4:LINE unit=a line=1"), rec.events());
    }

    @Test
    void s7_changingAFreeIdIsRejected() {
        CodeUnit a = page("a");
        assertIse("tool 3 is not in use", () -> Monitoring.setEvents(3, EventSet.of(LINE)));
        assertIse("tool 3 is not in use", () -> Monitoring.registerCallback(3, LINE, (code, line) -> Action.CONTINUE));
        assertIse("tool 3 is not in use", () -> Monitoring.setLocalEvents(3, a, EventSet.of(LINE)));
        assertEquals(Optional.empty(), Monitoring.getTool(3));
        assertEquals(EventSet.NONE, Monitoring.getEvents(3));
        assertEquals(EventSet.NONE, Monitoring.getLocalEvents(3, a));
    }

    @Test
    void s7_readingAndRestartingAFreeIdIsQuiet() {
        CodeUnit a = page("a");
        assertEquals(EventSet.NONE, Monitoring.getEvents(5));
        assertEquals(EventSet.NONE, Monitoring.getLocalEvents(5, a));
        Monitoring.restartEvents(5);
        Monitoring.clearToolId(5);
        Monitoring.freeToolId(5);
        assertTrue(Monitoring.getTool(5).isEmpty());
    }

    @Test
    void s7_eventsOfAFreedToolReadBackEmpty() {
        Tool tool = Monitoring.useToolId(0, "debugger");
        tool.setEvents(EventSet.of(LINE, Event.CALL));
        tool.close();
        assertEquals(EventSet.NONE, Monitoring.getEvents(0));
    }
}
