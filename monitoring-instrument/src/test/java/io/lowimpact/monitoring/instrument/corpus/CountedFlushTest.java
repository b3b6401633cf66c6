package io.lowimpact.monitoring.instrument.corpus;

import static io.lowimpact.monitoring.instrument.corpus.CountedTargets.counting;
import static io.lowimpact.monitoring.instrument.corpus.CountedTargets.forLoopLines;
import static io.lowimpact.monitoring.instrument.corpus.CountedTargets.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.instrument.corpus.targets.IfElse;
import io.lowimpact.monitoring.instrument.corpus.targets.Loops;
import io.lowimpact.monitoring.instrument.internal.Engine;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Counted events (S47, S48) on real bytecode: how flushes meet changes of what is counted. Switching a counted event
 * off, or changing the counted set or its callback, first delivers what was counted for it; a flush delivers what
 * other threads counted, on the flushing thread; a flush from inside a callback of a flush, or of another tool, loses
 * no count and counts none twice; a deferring tool's stores and a counting tool's increments stand for nothing of
 * each other's; a tool that stops counting makes the classes call the runtime again (a retransformation), and a
 * flush delivers what an older version of a class counted. The classes are rewritten by an {@link Engine} of the
 * runtime itself ({@link CountedTargets}), after the tools are set up, as the agent would load them.
 */
class CountedFlushTest {

    private final CountedTargets targets = new CountedTargets();

    @AfterEach
    void freeTools() {
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            Monitoring.freeToolId(id);
        }
    }

    @Test
    void s47_switchingACountedEventOffDeliversFirstAndNothingIsCountedWhileItIsOff() throws Exception {
        CountTally tally = CountTally.of("forLoop");
        Tool tool = counting(1, EventSet.of(Event.LINE), tally);
        Method forLoop = targets.load(Loops.class, "forLoop");
        assertEquals(1, forLoop.invoke(null, 2));
        tool.setEvents(EventSet.NONE);
        assertEquals(forLoopLines(2), tally.counts(), "setEvents delivered what was counted before switching off");
        assertEquals(3, forLoop.invoke(null, 3)); // not wanted: not counted
        tool.flushEvents();
        tool.setEvents(EventSet.of(Event.LINE));
        assertEquals(0, forLoop.invoke(null, 0));
        tool.flushEvents();
        assertEquals(forLoopLines(2, 0), tally.counts(), "the run while the tool did not want lines is not counted");

        CodeUnit unit = tally.last();
        tally.clear();
        tool.setLocalEvents(unit, EventSet.of(Event.LINE));
        tool.setEvents(EventSet.NONE);
        assertEquals(0, forLoop.invoke(null, 1)); // wanted in this unit
        tool.setLocalEvents(unit, EventSet.NONE);
        assertEquals(forLoopLines(1), tally.counts(), "setLocalEvents delivered what was counted before switching off");
        assertEquals(3, forLoop.invoke(null, 3));
        tool.flushEvents();
        tool.setLocalEvents(unit, EventSet.of(Event.LINE));
        assertEquals(0, forLoop.invoke(null, 0));
        tool.flushEvents();
        assertEquals(forLoopLines(1, 0), tally.counts());
        assertEquals(List.of(), tally.problems());
    }

    @Test
    void s47_changingTheCountedSetFirstDeliversToTheCallbackItWasCountedFor() throws Exception {
        CountTally one = CountTally.of("forLoop");
        CountTally two = CountTally.of("forLoop");
        Tool tool = counting(1, EventSet.of(Event.LINE), one);
        Method forLoop = targets.load(Loops.class, "forLoop");
        assertEquals(1, forLoop.invoke(null, 2));
        tool.setCountedEvents(EventSet.of(Event.LINE), two.callback());
        assertEquals(forLoopLines(2), one.counts());
        assertEquals(Map.of(), two.counts());
        assertEquals(0, forLoop.invoke(null, 1));
        tool.flushEvents();
        assertEquals(forLoopLines(2), one.counts());
        assertEquals(forLoopLines(1), two.counts());
        assertEquals(3, forLoop.invoke(null, 3));
        tool.setCountedEvents(EventSet.NONE, null);
        assertEquals(forLoopLines(1, 3), two.counts());
        assertEquals(EventSet.NONE, tool.getCountedEvents());
        assertEquals(0, forLoop.invoke(null, 1)); // no longer counted, and no LINE callback
        tool.flushEvents();
        assertEquals(forLoopLines(1, 3), two.counts());
        assertEquals(forLoopLines(2), one.counts());
    }

    @Test
    void s47_aFlushDeliversWhatAnotherThreadCountedOnTheFlushingThread() throws Exception {
        CountTally tally = CountTally.of("forLoop");
        Tool tool = counting(1, EventSet.of(Event.LINE), tally);
        Method forLoop = targets.load(Loops.class, "forLoop");
        Throwable[] failed = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                forLoop.invoke(null, 4);
            } catch (Throwable e) {
                failed[0] = e;
            }
        }, "counted-worker");
        worker.start();
        worker.join();
        assertEquals(null, failed[0]);
        tool.flushEvents();
        assertEquals(forLoopLines(4), tally.counts());
        assertEquals(Set.of(Thread.currentThread()), tally.threads());
    }

    @Test
    void s47_aFlushFromInsideACallbackOfAFlushLosesNoCountAndCountsNoneTwice() throws Exception {
        CountTally a = CountTally.of("forLoop");
        CountTally b = CountTally.of("forLoop");
        Method[] forLoop = new Method[1];
        AtomicInteger nested = new AtomicInteger();
        Tool first = Monitoring.useToolId(1, "counting-nested");
        first.setCountedEvents(EventSet.of(Event.LINE), (code, event, offset, to, line, count) -> {
            a.count(code, event, offset, to, line, count);
            if (code.methodName().equals("forLoop") && nested.getAndIncrement() == 0) {
                try {
                    forLoop[0].invoke(null, 0); // new counts in the class the outer flush is delivering
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                Monitoring.flushEvents(2); // a second flush, inside the first one's delivery
            }
        });
        first.setEvents(EventSet.of(Event.LINE));
        Tool second = counting(2, EventSet.of(Event.LINE), b);
        forLoop[0] = targets.load(Loops.class, "forLoop");
        assertEquals(0, forLoop[0].invoke(null, 0));
        first.flushEvents();
        first.flushEvents();
        second.flushEvents();
        assertEquals(forLoopLines(0, 0), a.counts(), "both runs, each once, reach the first tool");
        assertEquals(forLoopLines(0, 0), b.counts(), "and the second");
        assertEquals(List.of(), a.problems());
    }

    @Test
    void s47_aFlushFromInsideAnotherToolsCallbackDeliversTheFlushingToolsCountsBeforeItReturns() throws Exception {
        CountTally a = CountTally.of("forLoop");
        Tool first = counting(1, EventSet.of(Event.LINE), a);
        CountTally b = CountTally.of("forLoop");
        Tool second = Monitoring.useToolId(2, "counting-and-starting");
        List<Map<String, Long>> seenInside = new ArrayList<>();
        AtomicInteger starts = new AtomicInteger();
        second.registerCallback(Event.METHOD_START, (code, offset) -> {
            if (code.methodName().equals("forLoop") && starts.incrementAndGet() == 2) {
                Monitoring.flushEvents(1); // the first tool's flush, from a callback of the second
                seenInside.add(a.counts());
            }
            return Action.CONTINUE;
        });
        second.setCountedEvents(EventSet.of(Event.LINE), b.callback());
        second.setEvents(EventSet.of(Event.LINE, Event.METHOD_START));
        Method forLoop = targets.load(Loops.class, "forLoop");
        assertEquals(1, forLoop.invoke(null, 2));
        assertEquals(0, forLoop.invoke(null, 0)); // its start flushes the first tool, the first run's lines counted
        assertEquals(List.of(forLoopLines(2)), seenInside,
                "only a callback of the flushing tool itself receives nothing from its flush");
        first.flushEvents();
        second.flushEvents();
        assertEquals(forLoopLines(2, 0), a.counts());
        assertEquals(forLoopLines(2, 0), b.counts());
    }

    @Test
    void s47_aDeferringToolsStoreStandsForNoCountedEdgeNorACountedLineForADeferredEdge() throws Exception {
        List<String> deferred = new ArrayList<>();
        Tool deferring = deferringMax(1, EventSet.of(Event.LINE), deferred);
        CountTally branches = CountTally.of("max");
        Tool counting = counting(2, EventSet.BRANCH, branches);
        assertEquals(0, DeferredEventsTest.runtimeCalls(targets.rewritten(IfElse.class), "max"),
                "stores and increments");
        Method max = targets.load(IfElse.class, "max");
        assertEquals(2, max.invoke(null, 1, 2));
        assertEquals(3, max.invoke(null, 1, 3));
        assertEquals(2, max.invoke(null, 2, 1));
        deferring.flushEvents();
        counting.flushEvents();
        assertEquals(Map.of("BRANCH_LEFT 4->7", 2L, "BRANCH_RIGHT 4->9", 1L), branches.counts(),
                "the left edge counted each time, though line 22's store is hit once");
        assertEquals(List.of("LINE 20", "LINE 21", "LINE 22", "LINE 24"), sorted(deferred));
        Monitoring.freeToolId(1);
        Monitoring.freeToolId(2);

        deferred.clear();
        Tool deferringBranches = deferringMax(1, EventSet.BRANCH, deferred);
        CountTally lines = CountTally.of("max");
        Tool countingLines = counting(2, EventSet.of(Event.LINE), lines);
        Method again = targets.load(IfElse.class, "max");
        assertEquals(2, again.invoke(null, 1, 2));
        assertEquals(3, again.invoke(null, 1, 3));
        assertEquals(2, again.invoke(null, 2, 1));
        countingLines.flushEvents();
        deferringBranches.flushEvents();
        assertEquals(Map.of("LINE 0 line 20", 3L, "LINE 2 line 21", 3L, "LINE 7 line 22", 2L, "LINE 9 line 24", 3L),
                lines.counts());
        assertEquals(List.of("BRANCH_LEFT 4->7", "BRANCH_RIGHT 4->9"), sorted(deferred));
    }

    /** A tool that defers {@code events} and records its LINE and branch events of {@code max}. */
    private static Tool deferringMax(int id, EventSet events, List<String> seen) {
        Tool tool = Monitoring.useToolId(id, "deferring-" + id);
        tool.registerCallback(Event.LINE, (code, line) -> {
            if (code.methodName().equals("max")) {
                seen.add("LINE " + line);
            }
            return Action.CONTINUE;
        });
        tool.registerCallback(Event.BRANCH_LEFT, (code, from, to) -> {
            if (code.methodName().equals("max")) {
                seen.add("BRANCH_LEFT " + from + "->" + to);
            }
            return Action.CONTINUE;
        });
        tool.registerCallback(Event.BRANCH_RIGHT, (code, from, to) -> {
            if (code.methodName().equals("max")) {
                seen.add("BRANCH_RIGHT " + from + "->" + to);
            }
            return Action.CONTINUE;
        });
        tool.setEvents(events);
        tool.setDeferredEvents(events);
        return tool;
    }

    @Test
    void s47_aToolThatStopsCountingMakesTheClassCallTheRuntimeAgain() throws Exception {
        CountTally tally = CountTally.of("forLoop");
        Tool tool = counting(1, EventSet.of(Event.LINE), tally);
        tool.registerCallback(Event.LINE, (code, line) -> Action.CONTINUE);
        Class<?> loops = targets.load(Loops.class, "forLoop").getDeclaringClass();
        assertFalse(targets.engine().needsRetransform(loops));
        tool.setCountedEvents(EventSet.NONE, null);
        assertTrue(targets.engine().needsRetransform(loops), "its line probes must call the runtime now");
        assertTrue(DeferredEventsTest.runtimeCalls(targets.retransformed(loops), "forLoop") > 0);
        assertFalse(targets.engine().needsRetransform(loops));
        tool.setCountedEvents(EventSet.of(Event.LINE), tally.callback());
        assertTrue(targets.engine().needsRetransform(loops),
                "and may increment again once only counting tools want its lines");
        assertEquals(0, DeferredEventsTest.runtimeCalls(targets.retransformed(loops), "forLoop"));
    }

    @Test
    void s47_aFlushDeliversWhatAnOlderClassVersionCountedInItsOwnArray() throws Exception {
        CountTally tally = CountTally.of("forLoop");
        Tool tool = counting(1, EventSet.of(Event.LINE), tally);
        Method forLoop = targets.load(Loops.class, "forLoop");
        Class<?> loops = forLoop.getDeclaringClass();
        assertEquals(0, forLoop.invoke(null, 0));
        EventSet linesAndBranches = EventSet.of(Event.LINE).union(EventSet.BRANCH);
        tool.setCountedEvents(linesAndBranches, tally.callback());
        tool.setEvents(linesAndBranches);
        assertEquals(forLoopLines(0), tally.counts(), "changing the sets delivered what was counted");
        assertTrue(targets.engine().needsRetransform(loops));
        assertEquals(0, DeferredEventsTest.runtimeCalls(targets.retransformed(loops), "forLoop"),
                "branch increments too");
        tally.clear();
        assertEquals(3, forLoop.invoke(null, 3)); // the loaded code, the first version, counts into its own array
        tool.flushEvents();
        assertEquals(forLoopLines(3), tally.counts(), "the first version has no branch probes: its lines only");
    }
}
