package io.lowimpact.monitoring.instrument.corpus;

import static io.lowimpact.monitoring.instrument.corpus.CountedTargets.counting;
import static io.lowimpact.monitoring.instrument.corpus.CountedTargets.forLoopAll;
import static io.lowimpact.monitoring.instrument.corpus.CountedTargets.forLoopLines;
import static io.lowimpact.monitoring.instrument.corpus.CountedTargets.live;
import static io.lowimpact.monitoring.instrument.corpus.CountedTargets.sorted;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.instrument.corpus.targets.IfElse;
import io.lowimpact.monitoring.instrument.corpus.targets.Loops;
import io.lowimpact.monitoring.instrument.internal.Engine;
import io.lowimpact.monitoring.instrument.testing.DefiningLoader;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Counted events ({@code setCountedEvents}, S47; the events of {@link EventSet#COUNTABLE}) on real bytecode: what
 * counts are delivered. Where only counting tools want an event, its probes are increments that call nothing (S48),
 * and a flush (or restart) delivers for each location how many more times it ran, exactly; a counted location is
 * never disabled, and the event's own callback is not called. Where a probe calls the runtime (another tool wants
 * the event at once or defers it, class files before 55, injected sites), each run is delivered at once with a count
 * of 1. A count callback that throws goes to the tool's error handler. How flushes meet changes of the sets is
 * checked by {@link CountedFlushTest}, the argument checks by {@link CountedEventsApiTest}. The classes are rewritten
 * by an {@link Engine} of the runtime itself ({@link CountedTargets}), after the tools are set up, as the agent would
 * load them.
 */
class CountedEventsTest {

    private static final AtomicInteger UNITS = new AtomicInteger();
    /**
     * forLoop(3)'s line points in the order they run: 12 at 0, 13 at 2, then 13 at 4 (the loop test), 14 at 9 and
     * 13 at 13 three times, the loop test once more, 16 at 19.
     */
    private static final List<String> FOR_LOOP_3_AT_ONCE = List.of("LINE 0 line 12 x1", "LINE 2 line 13 x1",
            "LINE 4 line 13 x1", "LINE 9 line 14 x1", "LINE 13 line 13 x1", "LINE 4 line 13 x1", "LINE 9 line 14 x1",
            "LINE 13 line 13 x1", "LINE 4 line 13 x1", "LINE 9 line 14 x1", "LINE 13 line 13 x1", "LINE 4 line 13 x1",
            "LINE 19 line 16 x1");

    /** What {@link #throwingCounter}'s callback throws. */
    private static final RuntimeException BOOM = new IllegalStateException("boom");

    private final CountedTargets targets = new CountedTargets();

    @AfterEach
    void freeTools() {
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            Monitoring.freeToolId(id);
        }
    }

    @Test
    void s47_aLoopsLinePointsAreCountedExactlyByIncrementsThatCallNothing() throws Exception {
        CountTally tally = CountTally.of("forLoop");
        Tool tool = counting(1, EventSet.of(Event.LINE), tally);
        assertEquals(EventSet.of(Event.LINE), tool.getCountedEvents());
        assertEquals(0, DeferredEventsTest.runtimeCalls(targets.rewritten(Loops.class), null),
                "only a counting tool listens");
        Method forLoop = targets.load(Loops.class, "forLoop");
        assertEquals(3, forLoop.invoke(null, 3));
        assertEquals(10, forLoop.invoke(null, 5));
        assertEquals(List.of(), tally.deliveries(), "increments deliver nothing before the flush");
        tool.flushEvents();
        assertEquals(forLoopLines(3, 5), tally.counts());
        assertEquals(Set.of(Thread.currentThread()), tally.threads(), "on the flushing thread");
        assertEquals(List.of(), tally.problems());
    }

    @Test
    void s47_everyCountableEventOfALoopIsCountedAsOftenAsTheLiveStreamHasIt() throws Exception {
        CountTally counted = CountTally.of("forLoop");
        Tool tool = counting(1, EventSet.COUNTABLE, counted);
        assertEquals(0, DeferredEventsTest.runtimeCalls(targets.rewritten(Loops.class), null));
        Method forLoop = targets.load(Loops.class, "forLoop");
        for (int n : new int[] {3, 0, 1}) {
            assertEquals(n * (n - 1) / 2, forLoop.invoke(null, n));
        }
        tool.flushEvents();
        assertEquals(forLoopAll(3, 0, 1), counted.counts());
        assertEquals(List.of(), counted.problems());
        Monitoring.freeToolId(1);

        CountTally live = CountTally.of("forLoop");
        live(2, EventSet.COUNTABLE, live);
        Method again = targets.load(Loops.class, "forLoop");
        for (int n : new int[] {3, 0, 1}) {
            assertEquals(n * (n - 1) / 2, again.invoke(null, n));
        }
        assertEquals(live.counts(), counted.byLine(), "the live stream, location by location");
    }

    @Test
    void s47_returnsAreCountedAtTheirReturnInstructions() throws Exception {
        CountTally tally = CountTally.of("sign");
        Tool tool = counting(1, EventSet.of(Event.METHOD_START, Event.METHOD_RETURN), tally);
        assertEquals(0, DeferredEventsTest.runtimeCalls(targets.rewritten(IfElse.class), "sign"),
                "a count needs no value");
        Method sign = targets.load(IfElse.class, "sign");
        // sign: ireturn at 5 (x < 0), at 11 (x == 0), at 13 (otherwise)
        assertEquals(-1, sign.invoke(null, -1));
        assertEquals(0, sign.invoke(null, 0));
        assertEquals(1, sign.invoke(null, 5));
        assertEquals(1, sign.invoke(null, 7));
        tool.flushEvents();
        assertEquals(Map.of("METHOD_START 0", 4L, "METHOD_RETURN 5", 1L, "METHOD_RETURN 11", 1L,
                "METHOD_RETURN 13", 2L), tally.counts());
        assertEquals(List.of(), tally.problems());
    }

    @Test
    void s47_countsSplitAcrossFlushesAddUpEachFlushGivingOnlyWhatRanSinceTheLast() throws Exception {
        CountTally tally = CountTally.of("forLoop");
        Tool tool = counting(1, EventSet.of(Event.LINE), tally);
        Method forLoop = targets.load(Loops.class, "forLoop");
        assertEquals(3, forLoop.invoke(null, 3));
        tool.flushEvents();
        assertEquals(forLoopLines(3), tally.counts());
        tally.clear();
        assertEquals(1, forLoop.invoke(null, 2));
        tool.flushEvents();
        assertEquals(forLoopLines(2), tally.counts(), "the second flush gives the second run only");
        tally.clear();
        tool.flushEvents();
        assertEquals(List.of(), tally.deliveries(), "nothing ran: nothing to deliver");
        assertEquals(List.of(), tally.problems());
    }

    @Test
    void s47_restartDeliversTheCountsAndCountingGoesOn() throws Exception {
        CountTally tally = CountTally.of("forLoop");
        Tool tool = counting(1, EventSet.of(Event.LINE), tally);
        Method forLoop = targets.load(Loops.class, "forLoop");
        assertEquals(1, forLoop.invoke(null, 2));
        assertEquals(List.of(), tally.deliveries());
        tool.restartEvents();
        assertEquals(forLoopLines(2), tally.counts(), "delivered before restartEvents returns");
        tally.clear();
        assertEquals(1, forLoop.invoke(null, 2));
        tool.flushEvents();
        assertEquals(forLoopLines(2), tally.counts(), "the restart stopped no counting");
    }

    @Test
    void s47_aCountedLocationIsNeverDisabledItsCountsGrowFlushAfterFlush() throws Exception {
        CountTally tally = CountTally.of("forLoop");
        Tool tool = counting(1, EventSet.of(Event.LINE).union(EventSet.BRANCH), tally);
        Method forLoop = targets.load(Loops.class, "forLoop");
        Map<String, Long> once = new TreeMap<>(forLoopLines(2));
        once.put("BRANCH_LEFT 6->9", 2L);
        once.put("BRANCH_RIGHT 6->19", 1L);
        for (int round = 1; round <= 4; round++) {
            tally.clear();
            assertEquals(1, forLoop.invoke(null, 2));
            tool.flushEvents();
            assertEquals(once, tally.counts(), "round " + round);
        }
        assertEquals(List.of(), tally.problems());
    }

    /**
     * Claims tool 1 with a LINE callback of its own that records into {@code own} and disables: what a tool that
     * then counts LINE must never see called.
     */
    private static Tool withOwnLineCallback(String name, List<String> own) {
        Tool tool = Monitoring.useToolId(1, name);
        tool.registerCallback(Event.LINE, (code, line) -> {
            own.add("LINE " + line);
            return Action.DISABLE;
        });
        return tool;
    }

    @Test
    void s47_whereAnotherToolWantsLinesAtOnceEachRunIsCountedAtOnceEvenWhenTheOtherDisables() throws Exception {
        List<String> own = new ArrayList<>();
        CountTally counted = CountTally.of("forLoop");
        Tool tool = withOwnLineCallback("counting-own-callback", own);
        tool.setCountedEvents(EventSet.of(Event.LINE), counted.callback());
        tool.setEvents(EventSet.of(Event.LINE));
        List<String> other = new ArrayList<>();
        Tool live = Monitoring.useToolId(2, "live-disabling");
        live.registerCallback(Event.LINE, (code, line) -> {
            if (code.methodName().equals("forLoop")) {
                other.add("LINE " + line);
            }
            return Action.DISABLE;
        });
        live.setEvents(EventSet.of(Event.LINE));
        assertTrue(DeferredEventsTest.runtimeCalls(targets.rewritten(Loops.class), "forLoop") > 0,
                "the other needs calls");
        Method forLoop = targets.load(Loops.class, "forLoop");
        assertEquals(3, forLoop.invoke(null, 3));
        assertEquals(FOR_LOOP_3_AT_ONCE, counted.deliveries(), "at once, in order, 1 each");
        List<String> onceEach = List.of("LINE 12", "LINE 13", "LINE 13", "LINE 14", "LINE 13", "LINE 16");
        assertEquals(onceEach, other);
        assertEquals(3, forLoop.invoke(null, 3));
        assertEquals(26, counted.deliveries().size(), "the other tool's DISABLE leaves the counted locations on");
        assertEquals(onceEach, other, "and disabled them for the other tool");
        tool.flushEvents();
        assertEquals(26, counted.deliveries().size(), "all was delivered at once");
        assertEquals(forLoopLines(3, 3), counted.counts());
        assertEquals(List.of(), own, "the counting tool's own LINE callback is never called");
        assertEquals(List.of(), counted.problems());
    }

    @Test
    void s47_aToolGetsItsCountedEventCountedAndItsOtherEventsAsTheyHappenNeverItsOwnLineCallback() throws Exception {
        List<String> own = new ArrayList<>();
        CountTally counted = CountTally.of("forLoop");
        Tool tool = withOwnLineCallback("counting-and-live", own);
        tool.registerCallback(Event.JUMP, (code, from, to) -> {
            if (code.methodName().equals("forLoop")) {
                own.add("JUMP " + from + "->" + to);
            }
            return Action.CONTINUE;
        });
        tool.setCountedEvents(EventSet.of(Event.LINE), counted.callback());
        tool.setEvents(EventSet.of(Event.LINE, Event.JUMP));
        Method forLoop = targets.load(Loops.class, "forLoop");
        assertEquals(3, forLoop.invoke(null, 3));
        assertEquals(List.of("JUMP 16->4", "JUMP 16->4", "JUMP 16->4"), own, "the jump at once, each time");
        assertEquals(6, forLoop.invoke(null, 4));
        tool.flushEvents();
        assertEquals(Collections.nCopies(7, "JUMP 16->4"), own, "and never the LINE callback");
        assertEquals(forLoopLines(3, 4), counted.counts());
        assertEquals(List.of(), counted.problems());
    }

    @Test
    void s47_anEdgeThatIsTheOnlyWayIntoALineIsCountedAsOftenAsItIsTaken() throws Exception {
        CountTally counted = CountTally.of("max");
        Tool tool = counting(1, EventSet.of(Event.LINE).union(EventSet.BRANCH), counted);
        assertEquals(0, DeferredEventsTest.runtimeCalls(targets.rewritten(IfElse.class), "max"));
        Method max = targets.load(IfElse.class, "max");
        // max: `if (b > m)` is if_icmple at 4 to 9; falling through to 7 (line 22) is the left edge, the only way
        // into that line point
        assertEquals(2, max.invoke(null, 1, 2));
        assertEquals(3, max.invoke(null, 1, 3));
        assertEquals(2, max.invoke(null, 2, 1));
        tool.flushEvents();
        assertEquals(Map.of("LINE 0 line 20", 3L, "LINE 2 line 21", 3L, "LINE 7 line 22", 2L, "LINE 9 line 24", 3L,
                "BRANCH_LEFT 4->7", 2L, "BRANCH_RIGHT 4->9", 1L), counted.counts());
        assertEquals(List.of(), counted.problems());
    }

    @Test
    void s47_aLineAndTheOnlyEdgeIntoItCountedByTwoToolsReachEachOnlyItsOwn() throws Exception {
        CountTally branches = CountTally.of("max");
        Tool first = counting(1, EventSet.BRANCH, branches);
        CountTally lines = CountTally.of("max");
        Tool second = counting(2, EventSet.of(Event.LINE), lines);
        assertEquals(0, DeferredEventsTest.runtimeCalls(targets.rewritten(IfElse.class), "max"));
        Method max = targets.load(IfElse.class, "max");
        assertEquals(2, max.invoke(null, 1, 2));
        assertEquals(3, max.invoke(null, 1, 3));
        assertEquals(2, max.invoke(null, 2, 1));
        first.flushEvents();
        second.flushEvents();
        assertEquals(Map.of("BRANCH_LEFT 4->7", 2L, "BRANCH_RIGHT 4->9", 1L), branches.counts());
        assertEquals(Map.of("LINE 0 line 20", 3L, "LINE 2 line 21", 3L, "LINE 7 line 22", 2L, "LINE 9 line 24", 3L),
                lines.counts());
    }

    @Test
    void s47_twoCountingToolsBothGetTheFullCounts() throws Exception {
        CountTally a = CountTally.of("forLoop");
        Tool first = counting(1, EventSet.of(Event.LINE), a);
        CountTally b = CountTally.of("forLoop");
        Tool second = counting(2, EventSet.of(Event.LINE), b);
        assertEquals(0, DeferredEventsTest.runtimeCalls(targets.rewritten(Loops.class), "forLoop"),
                "only counting tools");
        Method forLoop = targets.load(Loops.class, "forLoop");
        assertEquals(3, forLoop.invoke(null, 3));
        first.flushEvents();
        assertEquals(forLoopLines(3), a.counts());
        second.flushEvents();
        assertEquals(forLoopLines(3), b.counts(), "the first tool's flush took nothing of the second's");
        assertEquals(1, forLoop.invoke(null, 2));
        second.flushEvents();
        first.flushEvents();
        assertEquals(forLoopLines(3, 2), a.counts());
        assertEquals(forLoopLines(3, 2), b.counts());
        assertEquals(List.of(), a.problems());
        assertEquals(List.of(), b.problems());
    }

    @Test
    void s47_aCountingToolAndADeferringToolOnTheSameLinesBothGetWhatTheyAskFor() throws Exception {
        List<String> deferred = new ArrayList<>();
        Tool deferring = Monitoring.useToolId(1, "deferring");
        deferring.registerCallback(Event.LINE, (code, line) -> {
            if (code.methodName().equals("forLoop")) {
                deferred.add("LINE " + line);
            }
            return Action.CONTINUE;
        });
        deferring.setEvents(EventSet.of(Event.LINE));
        deferring.setDeferredEvents(EventSet.of(Event.LINE));
        CountTally counted = CountTally.of("forLoop");
        Tool counting = counting(2, EventSet.of(Event.LINE), counted);
        Method forLoop = targets.load(Loops.class, "forLoop");
        assertEquals(3, forLoop.invoke(null, 3));
        assertEquals(3, forLoop.invoke(null, 3));
        counting.flushEvents();
        deferring.flushEvents();
        assertEquals(forLoopLines(3, 3), counted.counts());
        assertEquals(List.of("LINE 12", "LINE 13", "LINE 13", "LINE 13", "LINE 14", "LINE 16"), sorted(deferred),
                "each location once");
        assertEquals(1, forLoop.invoke(null, 2));
        deferring.flushEvents();
        counting.flushEvents();
        assertEquals(6, deferred.size(), "the deferring tool's locations stay disabled until it restarts");
        assertEquals(forLoopLines(3, 3, 2), counted.counts(), "the counting tool's do not");
        deferred.clear();
        deferring.restartEvents();
        assertEquals(0, forLoop.invoke(null, 0));
        counting.flushEvents();
        deferring.flushEvents();
        assertEquals(List.of("LINE 12", "LINE 13", "LINE 13", "LINE 16"), sorted(deferred));
        assertEquals(forLoopLines(3, 3, 2, 0), counted.counts());
        assertEquals(List.of(), counted.problems());
    }

    @Test
    void s47_classFilesBefore55CountEachRunAtOnce() throws Exception {
        CountTally tally = CountTally.of("forLoop");
        Tool tool = counting(1, EventSet.of(Event.LINE), tally);
        byte[] old = OldVersions.downgrade(Instrumented.classFile(Loops.class.getName()), 52);
        byte[] bytes = targets.engine().transform(null, "io/lowimpact/monitoring/instrument/corpus/targets/Loops", old);
        assertTrue(DeferredEventsTest.runtimeCalls(bytes, "forLoop") > 0, "no dynamic constant for an array before 55");
        ClassLoader loader = new DefiningLoader("counted-old", CountedEventsTest.class.getClassLoader(),
                name -> name.equals(Loops.class.getName()) ? bytes : null);
        Method forLoop = Instrumented.method(Class.forName(Loops.class.getName(), true, loader), "forLoop");
        assertEquals(3, forLoop.invoke(null, 3));
        assertEquals(FOR_LOOP_3_AT_ONCE, tally.deliveries());
        assertEquals(3, forLoop.invoke(null, 3));
        tool.flushEvents();
        assertEquals(26, tally.deliveries().size(), "at once, never disabled, nothing left for the flush");
        assertEquals(forLoopLines(3, 3), tally.counts());
        assertEquals(List.of(), tally.problems());
    }

    @Test
    void s47_anInjectedSiteCountsEachFireAtOnceWithoutALineCallback() {
        CodeUnit code = CodeUnit.define(CodeUnitSpec.builder("counted.test", "unit" + UNITS.incrementAndGet())
                .length(4).line(0, 2, 1).line(2, 4, 2).build());
        Probe line1 = Monitoring.probe(code, Event.LINE, 0);
        Probe line2 = Monitoring.probe(code, Event.LINE, 2);
        CountTally tally = new CountTally(unit -> unit == code, false);
        Tool tool = counting(1, EventSet.of(Event.LINE), tally);
        line1.fire();
        line1.fire();
        line2.fire();
        line1.fire();
        assertEquals(List.of("LINE 0 line 1 x1", "LINE 0 line 1 x1", "LINE 2 line 2 x1", "LINE 0 line 1 x1"),
                tally.deliveries());
        tool.flushEvents();
        tool.restartEvents();
        assertEquals(4, tally.deliveries().size(), "nothing waits for a flush");
        line2.fire();
        assertEquals(Map.of("LINE 0 line 1", 3L, "LINE 2 line 2", 2L), tally.counts());
        assertEquals(List.of(), tally.problems());
        assertTrue(line1.isActive() && line2.isActive(),
                "a counting tool receives the event there, callback or not, and is never disabled");
    }

    /**
     * Claims tool 1 counting LINE with a callback that tallies into {@code seen}, then throws {@link #BOOM}; its
     * errors go to {@code errors} as {@code "EVENT method true"} (true when the error is {@link #BOOM}).
     */
    private static Tool throwingCounter(CountTally seen, List<String> errors) {
        Tool tool = Monitoring.useToolId(1, "counting-throws");
        tool.onError((event, code, error) -> errors.add(event + " " + code.methodName() + " " + (error == BOOM)));
        tool.setCountedEvents(EventSet.of(Event.LINE), (code, event, offset, to, line, count) -> {
            seen.count(code, event, offset, to, line, count);
            throw BOOM;
        });
        tool.setEvents(EventSet.of(Event.LINE));
        return tool;
    }

    @Test
    void s47_aCountCallbackThatThrowsAtAFlushGoesToTheErrorHandlerAndLosesNoOtherCount() throws Exception {
        List<String> errors = new ArrayList<>();
        CountTally seen = CountTally.of("forLoop");
        Tool tool = throwingCounter(seen, errors);
        Method forLoop = targets.load(Loops.class, "forLoop");
        assertEquals(3, forLoop.invoke(null, 3));
        assertDoesNotThrow(tool::flushEvents);
        assertEquals(forLoopLines(3), seen.counts(), "one location's error stops no other's count");
        assertEquals(Collections.nCopies(seen.deliveries().size(), "LINE forLoop true"), errors);
        tool.flushEvents();
        assertEquals(forLoopLines(3), seen.counts(), "a count whose callback threw is not delivered again");
    }

    @Test
    void s47_aCountCallbackThatThrowsAtOnceGoesToTheErrorHandlerNotToTheApplication() throws Exception {
        List<String> errors = new ArrayList<>();
        CountTally seen = CountTally.of("forLoop");
        throwingCounter(seen, errors);
        CountTally other = CountTally.of("forLoop");
        live(2, EventSet.of(Event.LINE), other);
        Method forLoop = targets.load(Loops.class, "forLoop");
        assertEquals(3, forLoop.invoke(null, 3), "the application's method returns its value");
        assertEquals(FOR_LOOP_3_AT_ONCE, seen.deliveries());
        assertEquals(Collections.nCopies(13, "LINE forLoop true"), errors);
        assertEquals(13, other.deliveries().size(), "the other tool's stream is whole");
    }
}
