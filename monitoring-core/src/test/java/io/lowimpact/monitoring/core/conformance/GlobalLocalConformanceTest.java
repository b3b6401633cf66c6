package io.lowimpact.monitoring.core.conformance;

import static io.lowimpact.monitoring.Event.BRANCH_LEFT;
import static io.lowimpact.monitoring.Event.CALL;
import static io.lowimpact.monitoring.Event.EXCEPTION_HANDLED;
import static io.lowimpact.monitoring.Event.EXTERNAL_RETURN;
import static io.lowimpact.monitoring.Event.INSTRUCTION;
import static io.lowimpact.monitoring.Event.LINE;
import static io.lowimpact.monitoring.Event.METHOD_START;
import static io.lowimpact.monitoring.Event.RAISE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** §3 Global and local events: S12..S15. */
class GlobalLocalConformanceTest extends ConformanceBase {

    private static Thread run(String name, Runnable r) throws InterruptedException {
        Thread t = new Thread(r, name);
        t.start();
        t.join(30_000);
        assertFalse(t.isAlive(), name + " did not finish");
        return t;
    }

    @Test
    void s12_setEventsTakesEffectForTheNextEventOnThisThread() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "c");
        rec.on(tool, LINE);
        Probe line = Monitoring.probe(a, LINE, 0);
        assertFalse(line.isActive());
        line.fire();
        tool.setEvents(EventSet.of(LINE));
        assertTrue(line.isActive());
        line.fire();
        tool.setEvents(EventSet.NONE);
        assertFalse(line.isActive());
        line.fire();
        assertEquals(List.of("1:LINE unit=a line=1"), rec.events());
    }

    @Test
    void s12_setEventsTakesEffectForOtherThreads() throws Exception {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "c");
        rec.on(tool, LINE);
        Probe line = Monitoring.probe(a, LINE, 0);
        run("before", line::fire);
        tool.setEvents(EventSet.of(LINE));
        run("on", line::fire);
        tool.setEvents(EventSet.NONE);
        run("off", line::fire);
        assertEquals(List.of("1:LINE unit=a line=1"), rec.events());
    }

    @Test
    void s12_setEventsReachesAHotLoopOnAnotherThread() throws Exception {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "c");
        CountDownLatch delivered = new CountDownLatch(1);
        tool.registerCallback(LINE, (code, lineNo) -> {
            delivered.countDown();
            return Action.CONTINUE;
        });
        Probe line = Monitoring.probe(a, LINE, 0);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong spins = new AtomicLong();
        Thread loop = new Thread(() -> {
            long n = 0;
            while (!stop.get()) {
                if (line.isActive()) {
                    line.fire();
                }
                n++;
                if ((n & 0xFFFF) == 0) {
                    spins.set(n);
                }
            }
        }, "hot-loop");
        loop.setDaemon(true);
        loop.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (spins.get() < 5_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(10); // let the loop get compiled with the probe inactive
            }
            assertEquals(1, delivered.getCount(), "nothing is delivered before setEvents");
            tool.setEvents(EventSet.of(LINE));
            assertTrue(delivered.await(20, TimeUnit.SECONDS), "the hot loop never saw the new events");
        } finally {
            stop.set(true);
            loop.join(10_000);
        }
    }

    @Test
    void s13_localEventsApplyToTheirUnitOnly() {
        CodeUnit a = page("a");
        CodeUnit b = page("b");
        Tool tool = Monitoring.useToolId(1, "c");
        rec.on(tool, LINE);
        rec.on(tool, INSTRUCTION);
        tool.setLocalEvents(a, EventSet.of(LINE, INSTRUCTION));
        Monitoring.probe(a, LINE, 0).fire();
        Monitoring.probe(b, LINE, 0).fire();
        Monitoring.probe(a, INSTRUCTION, 3).fire();
        Monitoring.probe(b, INSTRUCTION, 3).fire();
        assertEquals(List.of("1:LINE unit=a line=1", "1:INSTRUCTION unit=a offset=3"), rec.events());
    }

    @Test
    void s13_localEventsAddToGlobalEventsAndNeverMaskThem() {
        CodeUnit a = page("a");
        CodeUnit b = page("b");
        Tool tool = Monitoring.useToolId(1, "c");
        rec.on(tool, LINE);
        rec.on(tool, INSTRUCTION);
        tool.setEvents(EventSet.of(LINE));
        tool.setLocalEvents(a, EventSet.of(INSTRUCTION));
        tool.setLocalEvents(b, EventSet.NONE);
        for (CodeUnit u : List.of(a, b)) {
            Monitoring.probe(u, LINE, 10).fire();
            Monitoring.probe(u, INSTRUCTION, 11).fire();
        }
        assertEquals(List.of(
                "1:LINE unit=a line=2",
                "1:INSTRUCTION unit=a offset=11",
                "1:LINE unit=b line=2"), rec.events());
    }

    @Test
    void s13_getLocalEventsReadsBackExactlyWhatWasSet() {
        CodeUnit a = page("a");
        CodeUnit b = page("b");
        Tool tool = Monitoring.useToolId(1, "c");
        tool.setEvents(EventSet.of(LINE));
        assertEquals(EventSet.NONE, tool.getLocalEvents(a), "never set reads back empty");
        EventSet local = EventSet.of(METHOD_START, CALL, BRANCH_LEFT);
        tool.setLocalEvents(a, local);
        assertEquals(local, tool.getLocalEvents(a));
        assertEquals(local, Monitoring.getLocalEvents(1, a));
        assertEquals(EventSet.NONE, tool.getLocalEvents(b));
        assertEquals(EventSet.of(LINE), tool.getEvents(), "local events do not show in the global set");
        tool.setLocalEvents(a, EventSet.of(INSTRUCTION));
        assertEquals(EventSet.of(INSTRUCTION), tool.getLocalEvents(a), "a second set replaces the first");
        tool.setLocalEvents(a, EventSet.NONE);
        assertEquals(EventSet.NONE, tool.getLocalEvents(a));
        assertEquals(EventSet.NONE, Monitoring.useToolId(2, "other").getLocalEvents(a));
    }

    @Test
    void s13_localSetsTakeLocalEventsOnly() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "c");
        tool.setLocalEvents(a, EventSet.of(LINE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tool.setLocalEvents(a, EventSet.of(LINE, RAISE)));
        assertEquals("not local events: {RAISE} (only local events can be set for a code unit)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Monitoring.setLocalEvents(1, a, EventSet.of(RAISE, EXCEPTION_HANDLED, INSTRUCTION)));
        assertEquals("not local events: {RAISE, EXCEPTION_HANDLED} (only local events can be set for a code unit)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tool.setLocalEvents(a, EventSet.GLOBAL));
        assertEquals("not local events: {RAISE, EXCEPTION_HANDLED, METHOD_UNWIND, METHOD_THROW, RERAISE}"
                + " (only local events can be set for a code unit)", e.getMessage());
        assertEquals(EventSet.of(LINE), tool.getLocalEvents(a), "a rejected set changes nothing");
    }

    @Test
    void s13_everyLocalEventCanBeSetForAUnit() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "c");
        tool.setLocalEvents(a, EventSet.LOCAL);
        assertEquals(EventSet.LOCAL, tool.getLocalEvents(a));
    }

    @Test
    void s14_oneToolsEventsNeverChangeWhatAnotherReceives() {
        CodeUnit a = page("a");
        Tool one = Monitoring.useToolId(1, "one");
        Tool two = Monitoring.useToolId(2, "two");
        rec.on(one, LINE);
        rec.on(one, INSTRUCTION);
        rec.on(two, LINE, Action.DISABLE);
        rec.on(two, INSTRUCTION);
        rec.on(two, CALL);
        rec.on(two, EXTERNAL_RETURN);
        one.setEvents(EventSet.of(LINE));
        Probe line = Monitoring.probe(a, LINE, 0);
        Probe instruction = Monitoring.probe(a, INSTRUCTION, 0);

        line.fire();
        instruction.fire();
        assertEquals(List.of("1:LINE unit=a line=1"), rec.take(), "tool 2 has callbacks but no events");

        two.setEvents(EventSet.of(LINE, CALL));
        two.setLocalEvents(a, EventSet.of(INSTRUCTION));
        line.fire(); // tool 2 disables line 1
        line.fire();
        instruction.fire();
        assertEquals(List.of(
                "1:LINE unit=a line=1", "2:LINE unit=a line=1",
                "1:LINE unit=a line=1",
                "2:INSTRUCTION unit=a offset=0"), rec.take());
        assertEquals(EventSet.of(LINE), one.getEvents());
        assertEquals(EventSet.NONE, one.getLocalEvents(a));

        two.setEvents(EventSet.NONE);
        two.clear();
        line.fire();
        instruction.fire();
        assertEquals(List.of("1:LINE unit=a line=1"), rec.take());
    }

    @Test
    void s15_eventsArePerJvmNotPerThread() throws Exception {
        CodeUnit a = page("a");
        Tool[] tool = new Tool[1];
        run("setter", () -> {
            tool[0] = Monitoring.useToolId(1, "c");
            tool[0].registerCallback(LINE, (code, lineNo) -> {
                rec.add("1:LINE line=" + lineNo + " on " + Thread.currentThread().getName());
                return Action.CONTINUE;
            });
            tool[0].setEvents(EventSet.of(LINE));
        });
        Probe line = Monitoring.probe(a, LINE, 0);
        run("firer-1", line::fire);
        line.fire();
        run("firer-2", line::fire);
        assertEquals(List.of(
                "1:LINE line=1 on firer-1",
                "1:LINE line=1 on " + Thread.currentThread().getName(),
                "1:LINE line=1 on firer-2"), rec.events());
    }

    @Test
    void s15_localEventsAndDisableArePerJvmToo() throws Exception {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "c");
        rec.on(tool, LINE, Action.DISABLE);
        run("setter", () -> tool.setLocalEvents(a, EventSet.of(LINE)));
        Probe line = Monitoring.probe(a, LINE, 0);
        run("firer-1", line::fire); // disables line 1 for tool 1, for every thread
        line.fire();
        run("firer-2", line::fire);
        assertEquals(List.of("1:LINE unit=a line=1"), rec.events());
    }
}
