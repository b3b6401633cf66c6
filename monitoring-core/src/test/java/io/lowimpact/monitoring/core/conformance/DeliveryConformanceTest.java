package io.lowimpact.monitoring.core.conformance;

import static io.lowimpact.monitoring.Event.BRANCH_LEFT;
import static io.lowimpact.monitoring.Event.BRANCH_RIGHT;
import static io.lowimpact.monitoring.Event.CALL;
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

/** §4 Callbacks, delivery: order, re-entrancy, errors and changes made by callbacks (S20..S23). */
class DeliveryConformanceTest extends ConformanceBase {

    private static final CallTarget TARGET = new CallTarget("a.B", "c", "()", CallTarget.Kind.OTHER);

    /** A unit with a switch at 10 (default 20, cases 25 and 28) and an if at 2 (left 3, right 8). */
    private CodeUnit switchUnit(String alias) {
        return rec.alias(CodeUnit.define(CodeUnitSpec.builder(freshClassName(), "sw").sourceFile("sw.tmpl")
                .length(30).line(0, 10, 1).line(10, 30, 2).branch(2, 3, 8).branch(10, 20, 25, 28).build()), alias);
    }

    @Test
    void s20_toolsReceiveInAscendingIdOrder() {
        CodeUnit a = page("a");
        for (int id : new int[] {5, 0, 3, 2}) {
            Tool tool = Monitoring.useToolId(id, "t" + id);
            rec.on(tool, LINE);
            rec.on(tool, BRANCH_RIGHT);
        }
        Monitoring.setEvents(3, EventSet.of(LINE, BRANCH_RIGHT));
        Monitoring.setLocalEvents(5, a, EventSet.of(LINE, BRANCH_RIGHT));
        Monitoring.setEvents(0, EventSet.of(LINE, BRANCH_RIGHT));
        Monitoring.setLocalEvents(2, a, EventSet.of(LINE, BRANCH_RIGHT));
        Monitoring.probe(a, LINE, 0).fire();
        Monitoring.probe(a, BRANCH_RIGHT, 10, 25).fire();
        assertEquals(List.of(
                "0:LINE unit=a line=1", "2:LINE unit=a line=1", "3:LINE unit=a line=1", "5:LINE unit=a line=1",
                "0:BRANCH_RIGHT unit=a from=10 to=25", "2:BRANCH_RIGHT unit=a from=10 to=25",
                "3:BRANCH_RIGHT unit=a from=10 to=25", "5:BRANCH_RIGHT unit=a from=10 to=25"), rec.events());
    }

    @Test
    void s21_aToolDoesNotReceiveEventsFiredByItsOwnCallback() {
        CodeUnit a = page("a");
        Probe instruction = Monitoring.probe(a, INSTRUCTION, 3);
        Tool toolA = Monitoring.useToolId(1, "A");
        Tool toolB = Monitoring.useToolId(2, "B");
        rec.on(toolA, LINE, () -> {
            instruction.fire();
            return Action.CONTINUE;
        });
        rec.on(toolA, INSTRUCTION);
        rec.on(toolB, LINE);
        rec.on(toolB, INSTRUCTION);
        toolA.setEvents(EventSet.of(LINE, INSTRUCTION));
        toolB.setEvents(EventSet.of(LINE, INSTRUCTION));
        Monitoring.probe(a, LINE, 0).fire();
        assertEquals(List.of("1:LINE unit=a line=1", "2:INSTRUCTION unit=a offset=3", "2:LINE unit=a line=1"),
                rec.take());
        instruction.fire();
        assertEquals(List.of("1:INSTRUCTION unit=a offset=3", "2:INSTRUCTION unit=a offset=3"), rec.take(),
                "once its callback has returned, A receives again");
    }

    @Test
    void s21_noToolWhoseCallbackIsOnTheStackReceives() {
        CodeUnit a = page("a");
        Probe instruction = Monitoring.probe(a, INSTRUCTION, 3);
        Probe jump = Monitoring.probe(a, JUMP, 29, 0);
        Tool toolA = Monitoring.useToolId(1, "A");
        Tool toolB = Monitoring.useToolId(2, "B");
        Tool toolC = Monitoring.useToolId(3, "C");
        rec.on(toolA, LINE, () -> {
            instruction.fire();
            return Action.CONTINUE;
        });
        rec.on(toolA, INSTRUCTION);
        rec.on(toolA, JUMP);
        rec.on(toolB, LINE);
        rec.on(toolB, INSTRUCTION, () -> {
            jump.fire();
            return Action.CONTINUE;
        });
        rec.on(toolB, JUMP);
        rec.on(toolC, JUMP);
        toolA.setEvents(EventSet.of(LINE, INSTRUCTION, JUMP));
        toolB.setEvents(EventSet.of(LINE, INSTRUCTION, JUMP));
        toolC.setEvents(EventSet.of(JUMP));
        Monitoring.probe(a, LINE, 0).fire();
        assertEquals(List.of(
                "1:LINE unit=a line=1",
                "2:INSTRUCTION unit=a offset=3",
                "3:JUMP unit=a from=29 to=0",
                "2:LINE unit=a line=1"), rec.events());
    }

    @Test
    void s21_otherThreadsStillDeliverToTheToolWhileItsCallbackRuns() {
        CodeUnit a = page("a");
        Probe line2 = Monitoring.probe(a, LINE, 10);
        Tool tool = Monitoring.useToolId(1, "A");
        tool.registerCallback(LINE, (code, line) -> {
            rec.add("1:LINE line=" + line + " on " + Thread.currentThread().getName());
            if (line == 1) {
                Thread other = new Thread(line2::fire, "other");
                other.start();
                try {
                    other.join(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Action.CONTINUE;
        });
        tool.setEvents(EventSet.of(LINE));
        Monitoring.probe(a, LINE, 0).fire();
        assertEquals(List.of("1:LINE line=1 on " + Thread.currentThread().getName(), "1:LINE line=2 on other"),
                rec.events());
    }

    @Test
    void s22_aThrowingCallbackGoesToTheErrorHandlerAndDeliveryGoesOn() {
        CodeUnit a = page("a");
        Tool one = Monitoring.useToolId(1, "thrower");
        Tool two = Monitoring.useToolId(2, "next");
        RuntimeException boom = new IllegalStateException("boom");
        List<Object> handled = new ArrayList<>();
        one.onError((event, code, error) -> {
            handled.add(event);
            handled.add(code.id());
            handled.add(error);
        });
        one.registerCallback(LINE, (code, line) -> {
            rec.add("1:LINE throws");
            throw boom;
        });
        rec.on(two, LINE);
        one.setEvents(EventSet.of(LINE));
        two.setEvents(EventSet.of(LINE));
        Monitoring.probe(a, LINE, 0).fire(); // returns normally
        assertEquals(List.of("1:LINE throws", "2:LINE unit=a line=1"), rec.events());
        assertEquals(3, handled.size());
        assertSame(LINE, handled.get(0));
        assertEquals(a.id(), handled.get(1));
        assertSame(boom, handled.get(2), "the handler receives the exact exception");
        assertEquals(1, one.errorCount());
        assertEquals(0, two.errorCount());
    }

    @Test
    void s22_theCallbackStaysRegisteredAndErrorsAreCounted() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "thrower");
        List<Throwable> handled = new ArrayList<>();
        tool.onError((event, code, error) -> handled.add(error));
        AtomicInteger calls = new AtomicInteger();
        tool.registerCallback(LINE, (code, line) -> {
            throw new RuntimeException("call " + calls.incrementAndGet());
        });
        tool.setEvents(EventSet.of(LINE));
        Probe line = Monitoring.probe(a, LINE, 0);
        line.fire();
        line.fire();
        line.fire();
        assertEquals(3, calls.get());
        assertEquals(3, tool.errorCount());
        assertEquals(List.of("call 1", "call 2", "call 3"), handled.stream().map(Throwable::getMessage).toList());
        assertTrue(line.isActive());
    }

    @Test
    void s22_anErrorThrownByACallbackDoesNotReachTheApplication() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "thrower");
        Error bad = new Error("bad");
        List<Throwable> handled = new ArrayList<>();
        tool.onError((event, code, error) -> handled.add(error));
        tool.registerCallback(INSTRUCTION, (code, offset) -> {
            throw bad;
        });
        tool.setEvents(EventSet.of(INSTRUCTION));
        Monitoring.probe(a, INSTRUCTION, 1).fire();
        assertEquals(List.of(bad), handled);
        assertEquals(1, tool.errorCount());
    }

    @Test
    void s22_aThrowingErrorHandlerIsDropped() {
        CodeUnit a = page("a");
        Tool one = Monitoring.useToolId(1, "thrower");
        Tool two = Monitoring.useToolId(2, "next");
        one.onError((event, code, error) -> {
            throw new IllegalStateException("handler fails too");
        });
        one.registerCallback(LINE, (code, line) -> {
            throw new RuntimeException("callback fails");
        });
        rec.on(two, LINE);
        one.setEvents(EventSet.of(LINE));
        two.setEvents(EventSet.of(LINE));
        Monitoring.probe(a, LINE, 0).fire();
        assertEquals(List.of("2:LINE unit=a line=1"), rec.events());
        assertEquals(1, one.errorCount());
    }

    @Test
    void s22_theDefaultHandlerLogsOneWarningPerToolAndEventThenCounts() {
        CodeUnit a = page("a");
        try (JdkAccess.LogCapture log = new JdkAccess.LogCapture("io.lowimpact.monitoring")) {
            Tool one = Monitoring.useToolId(1, "one");
            Tool two = Monitoring.useToolId(2, "two");
            for (Tool t : List.of(one, two)) {
                t.registerCallback(LINE, (code, line) -> {
                    throw new RuntimeException("line");
                });
                t.registerCallback(INSTRUCTION, (code, offset) -> {
                    throw new RuntimeException("instruction");
                });
            }
            one.setEvents(EventSet.of(LINE, INSTRUCTION));
            two.setEvents(EventSet.of(LINE));
            Probe line = Monitoring.probe(a, LINE, 0);
            Probe instruction = Monitoring.probe(a, INSTRUCTION, 0);
            for (int i = 0; i < 3; i++) {
                line.fire();
                instruction.fire();
            }
            assertEquals(6, one.errorCount());
            assertEquals(3, two.errorCount());
            assertEquals(3, log.count("WARNING"), "one warning each for (1, LINE), (1, INSTRUCTION), (2, LINE)");
        }
    }

    @Test
    void s23_aCallbackMayFreeItsOwnTool() {
        CodeUnit a = page("a");
        Tool one = Monitoring.useToolId(1, "one");
        Tool two = Monitoring.useToolId(2, "two");
        rec.on(one, LINE, () -> {
            Monitoring.freeToolId(1);
            return Action.DISABLE;
        });
        rec.on(two, LINE);
        one.setEvents(EventSet.of(LINE));
        two.setEvents(EventSet.of(LINE));
        Probe line = Monitoring.probe(a, LINE, 0);
        line.fire();
        line.fire();
        assertEquals(List.of("1:LINE unit=a line=1", "2:LINE unit=a line=1", "2:LINE unit=a line=1"), rec.events());
        assertTrue(Monitoring.getTool(1).isEmpty());
        assertEquals(0, one.errorCount());
    }

    @Test
    void s23_laterToolsAreSeenInTheirNewStateDuringTheSameDelivery() {
        CodeUnit a = page("a");
        Tool one = Monitoring.useToolId(1, "changer");
        Tool two = Monitoring.useToolId(2, "plain");
        Tool three = Monitoring.useToolId(3, "gets-callback");
        Tool four = Monitoring.useToolId(4, "loses-events");
        Tool five = Monitoring.useToolId(5, "freed");
        rec.on(one, LINE, () -> {
            three.registerCallback(LINE, rec.callback(3, LINE));
            four.setEvents(EventSet.NONE);
            Monitoring.freeToolId(5);
            return Action.CONTINUE;
        });
        rec.on(two, LINE);
        rec.on(four, LINE);
        rec.on(five, LINE);
        for (Tool t : List.of(one, two, three, four, five)) {
            t.setEvents(EventSet.of(LINE));
        }
        Monitoring.probe(a, LINE, 0).fire();
        assertEquals(List.of("1:LINE unit=a line=1", "2:LINE unit=a line=1", "3:LINE unit=a line=1"), rec.events());
    }

    @Test
    void s23_aCallbackMayClaimATool() {
        CodeUnit a = page("a");
        Tool one = Monitoring.useToolId(1, "one");
        rec.on(one, LINE, () -> {
            if (Monitoring.getTool(4).isEmpty()) {
                Tool late = Monitoring.useToolId(4, "late");
                late.registerCallback(LINE, rec.callback(4, LINE));
                late.setEvents(EventSet.of(LINE));
            }
            return Action.CONTINUE;
        });
        one.setEvents(EventSet.of(LINE));
        Probe line = Monitoring.probe(a, LINE, 0);
        line.fire();
        line.fire();
        assertEquals(List.of("1:LINE unit=a line=1", "4:LINE unit=a line=1", "1:LINE unit=a line=1",
                "4:LINE unit=a line=1"), rec.events());
    }

    @Test
    void s23_aCallbackMayDisableRestartAndChangeItsOwnEvents() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "self");
        tool.registerCallback(LINE, (code, line) -> {
            rec.add("1:LINE line=" + line);
            if (line == 2) {
                tool.restartEvents();
                return Action.CONTINUE;
            }
            return Action.DISABLE;
        });
        tool.registerCallback(INSTRUCTION, (code, offset) -> {
            rec.add("1:INSTRUCTION offset=" + offset);
            tool.setEvents(EventSet.of(LINE));
            return Action.CONTINUE;
        });
        tool.setEvents(EventSet.of(LINE, INSTRUCTION));
        Probe line1 = Monitoring.probe(a, LINE, 0);
        Probe line2 = Monitoring.probe(a, LINE, 10);
        Probe instruction = Monitoring.probe(a, INSTRUCTION, 0);
        line1.fire();
        line1.fire();
        line2.fire();
        line1.fire();
        instruction.fire();
        instruction.fire();
        assertEquals(List.of("1:LINE line=1", "1:LINE line=2", "1:LINE line=1", "1:INSTRUCTION offset=0"),
                rec.events());
        assertEquals(EventSet.of(LINE), tool.getEvents());
    }

    @Test
    void s23_concurrentChangesFromCallbacksLoseAndDuplicateNothingForOtherTools() {
        CodeUnit a = page("a");
        int perThread = 50_000;
        AtomicInteger counted = new AtomicInteger();
        Tool changer = Monitoring.useToolId(1, "changer");
        Tool counter = Monitoring.useToolId(2, "counter");
        Tool toggled = Monitoring.useToolId(3, "toggled");
        Tool restarted = Monitoring.useToolId(4, "restarted");
        AtomicInteger n = new AtomicInteger();
        changer.registerCallback(LINE, (code, line) -> {
            int i = n.incrementAndGet();
            toggled.setEvents((i & 1) == 0 ? EventSet.of(LINE) : EventSet.NONE);
            toggled.registerCallback(LINE, (i & 2) == 0 ? (c, l) -> Action.DISABLE : null);
            if ((i & 7) == 0) {
                restarted.restartEvents();
            }
            return Action.CONTINUE;
        });
        counter.registerCallback(LINE, (code, line) -> {
            counted.incrementAndGet();
            return Action.CONTINUE;
        });
        restarted.registerCallback(LINE, (code, line) -> Action.DISABLE);
        changer.setEvents(EventSet.of(LINE));
        counter.setEvents(EventSet.of(LINE));
        restarted.setLocalEvents(a, EventSet.of(LINE));
        Probe line = Monitoring.probe(a, LINE, 0);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Thread[] threads = new Thread[2];
            for (int t = 0; t < threads.length; t++) {
                threads[t] = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        line.fire();
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join();
            }
        });
        assertEquals(2 * perThread, counted.get());
        assertEquals(2 * perThread, n.get());
        assertEquals(0, changer.errorCount() + counter.errorCount() + toggled.errorCount() + restarted.errorCount());
    }
}
