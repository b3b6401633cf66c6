package io.lowimpact.monitoring.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A bytecode probe's state is its class's bytes (S18, S29): the dispatcher's view of a slot exists only while some
 * tool receives its event, DISABLE and restart are mask writes, and a restarted slot delivers the same event again.
 * Probes fire through {@link Bootstrap#fire(int, int)}, as instrumented code calls it.
 */
class ProbeClassTest {

    private final List<Tool> tools = new ArrayList<>();

    @AfterEach
    void freeTools() {
        tools.forEach(Tool::close);
    }

    @Test
    void s18_disableDropsTheSlotsViewAndRestartDeliversTheSameLineAgain() {
        CodeUnit unit = CodeUnit.define(CodeUnitSpec.builder("slots.T" + System.nanoTime(), "m").sourceFile("T.java")
                .length(20).line(0, 10, 7).line(10, 20, 8).build());
        Control control = Control.INSTANCE;
        ProbeClass probeClass = control.registerClass(List.of((Unit) unit));
        int base = control.allocateSlots(probeClass, 0, Event.LINE, new int[] {0, 10}, new int[] {-1, -1});
        control.publishSlots(probeClass);
        List<String> seen = new ArrayList<>();
        Tool coverage = Monitoring.useToolId(Monitoring.COVERAGE_ID, "slots");
        tools.add(coverage);
        coverage.registerCallback(Event.LINE, (code, line) -> {
            seen.add(code.methodName() + ":" + line);
            return Action.DISABLE;
        });
        coverage.setEvents(EventSet.of(Event.LINE));
        int bit = 1 << Monitoring.COVERAGE_ID;
        assertEquals(bit, probeClass.maskOf(base));
        assertFalse(probeClass.hasView(base), "no view before the slot fires");

        Bootstrap.fire(probeClass.id(), base);
        Bootstrap.fire(probeClass.id(), base);
        Bootstrap.fire(probeClass.id(), base + 1);
        assertEquals(List.of("m:7", "m:8"), seen);
        assertEquals(0, probeClass.maskOf(base));
        assertEquals(bit, probeClass.disabledOf(base));
        assertFalse(probeClass.hasView(base), "a slot no tool receives keeps no view");
        assertFalse(probeClass.hasView(base + 1));

        coverage.restartEvents();
        assertEquals(bit, probeClass.maskOf(base));
        assertEquals(0, probeClass.disabledOf(base));
        Bootstrap.fire(probeClass.id(), base);
        assertEquals(List.of("m:7", "m:8", "m:7"), seen);
        assertFalse(probeClass.hasView(base));
    }

    @Test
    void s29_anotherToolKeepsItsViewAndItsMarksAcrossOneToolsRestart() {
        CodeUnit unit = CodeUnit.define(CodeUnitSpec.builder("slots.U" + System.nanoTime(), "m").sourceFile("U.java")
                .length(10).line(0, 10, 3).build());
        Control control = Control.INSTANCE;
        ProbeClass probeClass = control.registerClass(List.of((Unit) unit));
        int slot = control.allocateSlots(probeClass, 0, Event.LINE, new int[] {0}, new int[] {-1});
        control.publishSlots(probeClass);
        int[] counts = new int[2];
        Tool coverage = Monitoring.useToolId(Monitoring.COVERAGE_ID, "disabling");
        Tool profiler = Monitoring.useToolId(Monitoring.PROFILER_ID, "counting");
        tools.add(coverage);
        tools.add(profiler);
        coverage.registerCallback(Event.LINE, (code, line) -> {
            counts[0]++;
            return Action.DISABLE;
        });
        profiler.registerCallback(Event.LINE, (code, line) -> {
            counts[1]++;
            return Action.CONTINUE;
        });
        coverage.setEvents(EventSet.of(Event.LINE));
        profiler.setEvents(EventSet.of(Event.LINE));

        Bootstrap.fire(probeClass.id(), slot);
        Bootstrap.fire(probeClass.id(), slot);
        assertEquals(1, counts[0]);
        assertEquals(2, counts[1]);
        assertEquals(1 << Monitoring.PROFILER_ID, probeClass.maskOf(slot));
        assertTrue(probeClass.hasView(slot), "the profiler still receives the slot");

        profiler.restartEvents();
        Bootstrap.fire(probeClass.id(), slot);
        assertEquals(1, counts[0], "the profiler's restart leaves the coverage tool's mark");
        assertEquals(3, counts[1]);
        coverage.restartEvents();
        Bootstrap.fire(probeClass.id(), slot);
        assertEquals(2, counts[0]);
        assertEquals(4, counts[1]);
    }
}
