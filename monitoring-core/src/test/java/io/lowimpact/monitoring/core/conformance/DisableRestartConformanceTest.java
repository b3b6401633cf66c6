package io.lowimpact.monitoring.core.conformance;

import static io.lowimpact.monitoring.Event.BRANCH_RIGHT;
import static io.lowimpact.monitoring.Event.INSTRUCTION;
import static io.lowimpact.monitoring.Event.LINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;

import java.util.List;

import org.junit.jupiter.api.Test;

/** §6 DISABLE and restart: S29..S32. */
class DisableRestartConformanceTest extends ConformanceBase {

    private Tool one;
    private Tool two;
    private Probe line;
    private Probe instruction;

    /** Tools 1 and 2 both receive LINE at a:0 and INSTRUCTION at a:1, and DISABLE both on first sight. */
    private void twoDisablingTools(CodeUnit a) {
        one = Monitoring.useToolId(1, "one");
        two = Monitoring.useToolId(2, "two");
        for (Tool t : List.of(one, two)) {
            rec.on(t, LINE, Action.DISABLE);
            rec.on(t, INSTRUCTION, Action.DISABLE);
        }
        one.setEvents(EventSet.of(LINE, INSTRUCTION));
        two.setLocalEvents(a, EventSet.of(LINE, INSTRUCTION));
        line = Monitoring.probe(a, LINE, 0);
        instruction = Monitoring.probe(a, INSTRUCTION, 1);
        line.fire();
        instruction.fire();
        assertEquals(List.of("1:LINE unit=a line=1", "2:LINE unit=a line=1",
                "1:INSTRUCTION unit=a offset=1", "2:INSTRUCTION unit=a offset=1"), rec.take());
        line.fire();
        instruction.fire();
        assertEquals(List.of(), rec.take());
        assertFalse(line.isActive());
    }

    @Test
    void s29_toolRestartReenablesOnlyItsOwnLocations() {
        CodeUnit a = page("a");
        twoDisablingTools(a);
        one.restartEvents();
        assertTrue(line.isActive());
        line.fire();
        instruction.fire();
        line.fire();
        assertEquals(List.of("1:LINE unit=a line=1", "1:INSTRUCTION unit=a offset=1"), rec.take());
        Monitoring.restartEvents(2);
        line.fire();
        instruction.fire();
        assertEquals(List.of("2:LINE unit=a line=1", "2:INSTRUCTION unit=a offset=1"), rec.take());
    }

    @Test
    void s29_restartWithNothingDisabledChangesNothing() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "one");
        rec.on(tool, LINE);
        tool.restartEvents();
        tool.setEvents(EventSet.of(LINE));
        tool.restartEvents();
        Monitoring.probe(a, LINE, 0).fire();
        assertEquals(List.of("1:LINE unit=a line=1"), rec.events());
        assertEquals(EventSet.of(LINE), tool.getEvents());
    }

    @Test
    void s29_restartReenablesEveryDisabledLocationOfTheTool() {
        CodeUnit a = page("a");
        CodeUnit b = page("b");
        Tool tool = Monitoring.useToolId(3, "three");
        rec.on(tool, LINE, Action.DISABLE);
        rec.on(tool, BRANCH_RIGHT, Action.DISABLE);
        tool.setEvents(EventSet.of(LINE, BRANCH_RIGHT));
        List<Probe> probes = List.of(Monitoring.probe(a, LINE, 0), Monitoring.probe(a, LINE, 10),
                Monitoring.probe(b, LINE, 0), Monitoring.probe(a, BRANCH_RIGHT, 10, 25));
        List<String> once = List.of("3:LINE unit=a line=1", "3:LINE unit=a line=2", "3:LINE unit=b line=1",
                "3:BRANCH_RIGHT unit=a from=10 to=25");
        for (int round = 0; round < 3; round++) {
            probes.forEach(Probe::fire);
            probes.forEach(Probe::fire);
            assertEquals(once, rec.take(), "round " + round);
            tool.restartEvents();
        }
    }

    @Test
    void s30_monitoringRestartEventsReenablesEveryTool() {
        CodeUnit a = page("a");
        twoDisablingTools(a);
        Monitoring.restartEvents();
        line.fire();
        instruction.fire();
        line.fire();
        instruction.fire();
        assertEquals(List.of("1:LINE unit=a line=1", "2:LINE unit=a line=1",
                "1:INSTRUCTION unit=a offset=1", "2:INSTRUCTION unit=a offset=1"), rec.events());
    }

    @Test
    void s31_restartChangesNoEventSet() {
        CodeUnit a = page("a");
        twoDisablingTools(a);
        one.restartEvents();
        Monitoring.restartEvents();
        assertEquals(EventSet.of(LINE, INSTRUCTION), one.getEvents());
        assertEquals(EventSet.NONE, one.getLocalEvents(a));
        assertEquals(EventSet.NONE, two.getEvents());
        assertEquals(EventSet.of(LINE, INSTRUCTION), two.getLocalEvents(a));
    }

    @Test
    void s31_marksSurviveUnrelatedSetEventsOfAnyTool() {
        CodeUnit a = page("a");
        CodeUnit b = page("b");
        twoDisablingTools(a);
        one.setEvents(EventSet.of(LINE, INSTRUCTION, BRANCH_RIGHT));
        one.setLocalEvents(b, EventSet.of(LINE));
        two.setEvents(EventSet.of(BRANCH_RIGHT));
        two.setLocalEvents(b, EventSet.of(INSTRUCTION));
        Tool three = Monitoring.useToolId(3, "three");
        three.setEvents(EventSet.of(LINE));
        three.setEvents(EventSet.NONE);
        line.fire();
        instruction.fire();
        assertEquals(List.of(), rec.take());
        assertFalse(line.isActive());
        assertFalse(instruction.isActive());
    }

    @Test
    void s31_removingAnEventDropsThatToolsMarksForItOnly() {
        CodeUnit a = page("a");
        twoDisablingTools(a);
        one.setEvents(EventSet.of(INSTRUCTION));
        one.setEvents(EventSet.of(LINE, INSTRUCTION));
        line.fire();
        line.fire();
        instruction.fire();
        assertEquals(List.of("1:LINE unit=a line=1"), rec.take(),
                "LINE starts fresh for tool 1; its INSTRUCTION mark and tool 2's marks stay");
        two.setLocalEvents(a, EventSet.of(LINE));
        two.setLocalEvents(a, EventSet.of(LINE, INSTRUCTION));
        line.fire();
        instruction.fire();
        instruction.fire();
        assertEquals(List.of("2:INSTRUCTION unit=a offset=1"), rec.take());
    }

    @Test
    void s31_marksStayWhileTheEventIsStillInTheUnitsEffectiveSet() {
        CodeUnit a = page("a");
        CodeUnit b = page("b");
        Tool tool = Monitoring.useToolId(1, "one");
        rec.on(tool, LINE, Action.DISABLE);
        tool.setEvents(EventSet.of(LINE));
        tool.setLocalEvents(a, EventSet.of(LINE));
        Probe la = Monitoring.probe(a, LINE, 0);
        Probe lb = Monitoring.probe(b, LINE, 0);
        la.fire();
        lb.fire();
        assertEquals(List.of("1:LINE unit=a line=1", "1:LINE unit=b line=1"), rec.take());
        tool.setEvents(EventSet.NONE); // a keeps LINE through its local set, b loses it
        tool.setEvents(EventSet.of(LINE));
        la.fire();
        lb.fire();
        assertEquals(List.of("1:LINE unit=b line=1"), rec.take());
        tool.setLocalEvents(a, EventSet.NONE); // a keeps LINE through the global set
        la.fire();
        assertEquals(List.of(), rec.take());
        tool.setEvents(EventSet.NONE);
        tool.setLocalEvents(a, EventSet.of(LINE));
        la.fire();
        assertEquals(List.of("1:LINE unit=a line=1"), rec.take());
    }

    @Test
    void s32_restartTenThousandTimesStaysExact() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "per-test");
        Tool other = Monitoring.useToolId(2, "other");
        rec.on(tool, LINE, Action.DISABLE);
        rec.on(tool, BRANCH_RIGHT, Action.DISABLE);
        rec.on(other, LINE, Action.DISABLE);
        tool.setEvents(EventSet.of(LINE, BRANCH_RIGHT));
        other.setEvents(EventSet.of(LINE));
        Probe l1 = Monitoring.probe(a, LINE, 0);
        Probe l2 = Monitoring.probe(a, LINE, 10);
        Probe right = Monitoring.probe(a, BRANCH_RIGHT, 10, 25);
        l1.fire();
        l2.fire();
        assertEquals(List.of("1:LINE unit=a line=1", "2:LINE unit=a line=1", "1:LINE unit=a line=2",
                "2:LINE unit=a line=2"), rec.take());
        tool.restartEvents();
        List<String> expected = List.of("1:LINE unit=a line=1", "1:LINE unit=a line=2",
                "1:BRANCH_RIGHT unit=a from=10 to=25");
        for (int i = 0; i < 10_000; i++) {
            l1.fire();
            l2.fire();
            right.fire();
            l1.fire();
            l2.fire();
            right.fire();
            if (i % 2 == 0) {
                tool.restartEvents();
            } else {
                Monitoring.restartEvents(1);
            }
            List<String> got = rec.take();
            if (!expected.equals(got)) {
                assertEquals(expected, got, "iteration " + i);
            }
        }
        assertEquals(EventSet.of(LINE, BRANCH_RIGHT), tool.getEvents());
        assertEquals(0, tool.errorCount());
    }
}
