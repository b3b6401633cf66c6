package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.lowimpact.monitoring.core.cpython.Ports.TEST_TOOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Port of CPython's {@code TestUninitialized} ({@code Lib/test/test_monitoring.py}): a unit nobody set events for
 * reads back empty (S13), a free id reads back empty (S3, S7), and nothing fires where no tool has both the event
 * and a callback (S16, S34).
 */
class UninitializedTest extends MonitoringTestBase {

    /** {@code test_get_local_events_uninitialized}. */
    @Test
    void getLocalEventsUninitialized() {
        CodeUnit f = new PyFunctions.F1().code;
        assertEquals(EventSet.NONE, Monitoring.getLocalEvents(TEST_TOOL, f));
        assertEquals(EventSet.NONE, tool.getLocalEvents(f));
    }

    /** A free id has no name and no events; clearing, restarting and freeing it do nothing (S3, S4, S5, S7). */
    @Test
    void freeToolReportsEmptySets() {
        CodeUnit f = new PyFunctions.F1().code;
        for (int id : new int[] {0, 1, 5}) {
            assertEquals(Optional.empty(), Monitoring.getTool(id));
            assertEquals(EventSet.NONE, Monitoring.getEvents(id));
            assertEquals(EventSet.NONE, Monitoring.getLocalEvents(id, f));
            Monitoring.clearToolId(id);
            Monitoring.restartEvents(id);
            Monitoring.freeToolId(id);
            assertEquals(Optional.empty(), Monitoring.getTool(id));
        }
        assertEquals(EventSet.NONE, tool.getEvents());
    }

    /** Tools with every callback but no events: no probe of a fresh unit is active, and firing delivers nothing. */
    @Test
    void nothingFiresWithoutEvents() {
        List<String> events = new ArrayList<>();
        for (Event<?> event : Event.values()) {
            Ports.register(tool, event, new Recorder(event, events));
            Ports.register(tool2, event, new Recorder(event, events));
        }
        fireEverything(events);
    }

    /** Tools with every event but no callbacks: skipped silently (S16). */
    @Test
    void nothingFiresWithoutCallbacks() {
        tool.setEvents(EventSet.ALL);
        assertEquals(EventSet.ALL.minus(EventSet.ANCILLARY), tool.getEvents());
        fireEverything(new ArrayList<>());
        assertEquals(0, tool.errorCount());
    }

    /** A freed tool's events and callbacks are gone, also after its id is claimed again (S5). */
    @Test
    void nothingFiresForAFreedTool() {
        List<String> events = new ArrayList<>();
        for (Event<?> event : Event.values()) {
            Ports.register(tool, event, new Recorder(event, events));
        }
        tool.setEvents(EventSet.ALL);
        Monitoring.freeToolId(TEST_TOOL);
        fireEverything(events);
        tool = Monitoring.useToolId(TEST_TOOL, "again");
        fireEverything(events);
    }

    private static void fireEverything(List<String> events) {
        CodeUnit code = EventCase.codeLike();
        EventCase.all().forEach(c -> {
            Probe probe = c.probe(code);
            Probe other = c.otherProbe(code);
            assertFalse(probe.isActive(), c.toString());
            assertFalse(other.isActive(), c.toString());
            c.fire(probe);
            c.fire(other);
        });
        assertEquals(List.of(), events);
    }
}
