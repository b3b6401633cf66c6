package io.lowimpact.monitoring.core.conformance;

import static io.lowimpact.monitoring.Event.LINE;
import static io.lowimpact.monitoring.Event.METHOD_START;
import static io.lowimpact.monitoring.Event.RAISE;
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

/**
 * S34: {@code code.hasActiveProbes()} is true exactly while some injection-API probe of the unit is active, through
 * every change that makes a probe active or inactive: events, local events, callbacks, DISABLE, restart, clear.
 */
class UnitActiveProbesConformanceTest extends ConformanceBase {

    @Test
    void s34_hasActiveProbesIsTrueExactlyWhileSomeProbeOfTheUnitIsActive() {
        CodeUnit a = page("a");
        CodeUnit b = page("b");
        assertFalse(a.hasActiveProbes(), "no probe yet");
        Probe line1 = Monitoring.probe(a, LINE, 0);
        Probe line2 = Monitoring.probe(a, LINE, 10);
        Probe start = Monitoring.probe(a, METHOD_START, 0);
        Tool one = Monitoring.useToolId(1, "one");
        one.setEvents(EventSet.of(LINE));
        assertFalse(a.hasActiveProbes(), "events but no callback");
        one.setEvents(EventSet.NONE);
        rec.on(one, LINE, Action.DISABLE);
        one.setLocalEvents(b, EventSet.of(LINE));
        assertFalse(a.hasActiveProbes(), "events for another unit");
        one.setLocalEvents(a, EventSet.of(LINE));
        assertTrue(a.hasActiveProbes(), "local events and a callback");
        line1.fire();
        assertTrue(a.hasActiveProbes(), "one of two lines disabled");
        line2.fire();
        assertFalse(a.hasActiveProbes(), "every line disabled by its only tool");
        one.restartEvents();
        assertTrue(a.hasActiveProbes(), "restarted");
        line1.fire();
        line2.fire();
        Tool two = Monitoring.useToolId(2, "two");
        rec.on(two, METHOD_START);
        two.setEvents(EventSet.of(METHOD_START));
        assertTrue(a.hasActiveProbes(), "a second tool's event");
        assertTrue(start.isActive());
        two.close();
        assertFalse(a.hasActiveProbes());
        assertFalse(b.hasActiveProbes(), "b has no probe at all");
        one.clear();
        assertFalse(a.hasActiveProbes());
        assertEquals(List.of("1:LINE unit=a line=1", "1:LINE unit=a line=2", "1:LINE unit=a line=1",
                "1:LINE unit=a line=2"), rec.events());
    }

    @Test
    void s34_aProbeMadeWhileItsEventIsOnCountsAtOnce() {
        CodeUnit a = page("a");
        Tool one = Monitoring.useToolId(1, "one");
        rec.on(one, RAISE);
        one.setEvents(EventSet.of(RAISE));
        assertFalse(a.hasActiveProbes(), "no probe yet");
        Monitoring.probe(a, RAISE, 3);
        assertTrue(a.hasActiveProbes());
        Monitoring.probe(a, RAISE, 4);
        one.setEvents(EventSet.NONE);
        assertFalse(a.hasActiveProbes(), "both probes off again");
    }
}
