package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Counted events over the whole corpus (S47): for every call of every target, in fresh classes, the counts that a
 * tool counting the events (every countable one, or lines and branches) receives are, location by location,
 * exactly the number of times a tool that receives the same events through its callbacks (never disabling) is
 * called there, whether the probes are increments (only the counting tool listening: the classes call nothing of
 * the runtime, and the counts come at the flush) or calls (a second tool wanting the events at once: then each run
 * is counted at once, with a count of 1, and the flush has nothing left). A live {@code LINE} callback is not told
 * the offset of the line point, so that comparison sums a line's points; the counts of the increments and of the
 * calls are compared with the offsets (for every countable event only: calling probes have no line that stands
 * for an edge, so lines and branches alone add nothing there). Every count must also be well formed (the line of
 * its offset, no destination but for an edge, at least 1), and the classes must verify and run as they did, with
 * the same outcome.
 */
class CountedCorpusTest {

    @AfterEach
    void freeTools() {
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            Monitoring.freeToolId(id);
        }
    }

    static Stream<Arguments> targets() {
        return Corpus.targets().stream().map(Arguments::of);
    }

    /** Runs a call in fresh classes; its outcome, as a line. */
    private static String run(Corpus.Call call, boolean increments) throws Exception {
        Class<?> copy = Class.forName(call.method().getDeclaringClass().getName(), false,
                DeferredCorpusTest.loader(increments));
        Method m = Instrumented.method(copy, call.method().getName());
        Instrumented.Outcome outcome = Instrumented.call(m, call.args());
        return "outcome " + (outcome.thrown() != null ? outcome.thrown().getClass().getName()
                : String.valueOf(outcome.value()));
    }

    @ParameterizedTest
    @MethodSource("targets")
    void s47_incrementsCountWhatCallbacksReceive(Class<?> target) throws Exception {
        compare(target, EventSet.COUNTABLE, false);
    }

    @ParameterizedTest
    @MethodSource("targets")
    void s47_whereAnotherToolWantsTheEventsAtOnceEachRunIsCountedAtOnceAsTheIncrementsCountIt(Class<?> target)
            throws Exception {
        compare(target, EventSet.COUNTABLE, true);
    }

    /**
     * What a line profiler with branch counts asks for. Edges that are the one way into a line point are where a
     * line's probe may stand for the edge's (as a line's store does for deferred edges): they must be counted as
     * often as they are taken all the same.
     */
    @ParameterizedTest
    @MethodSource("targets")
    void s47_lineAndBranchIncrementsCountWhatCallbacksReceive(Class<?> target) throws Exception {
        compare(target, EventSet.of(Event.LINE).union(EventSet.BRANCH), false);
    }

    /**
     * For each call: the counting tool alone (increments), then a live tool alone, and, if {@code withCalls}, the
     * counting tool beside a second live tool; each in fresh classes.
     */
    private static void compare(Class<?> target, EventSet events, boolean withCalls) throws Exception {
        int compared = 0;
        for (Corpus.Call call : Corpus.calls(target)) {
            if (Instrumented.call(call.method(), call.args()).thrown() instanceof StackOverflowError) {
                continue; // how deep the stack goes depends on the frames' sizes, which probes change
            }
            CountTally counted = CountTally.everywhere();
            Tool counting = CountedTargets.counting(0, events, counted);
            String incremented = run(call, true);
            assertEquals(List.of(), counted.deliveries(), () -> call + ": increments deliver nothing before the flush");
            counting.flushEvents();
            Monitoring.freeToolId(0);

            CountTally live = CountTally.everywhere();
            CountedTargets.live(1, events, live);
            String called = run(call, false);
            Monitoring.freeToolId(1);

            assertEquals(called, incremented, () -> call + ": outcome");
            assertEquals(List.of(), counted.problems(), () -> call + ": counts against the contract");
            assertEquals(live.counts(), counted.byLine(), () -> call + ": counts against the live callbacks");

            if (withCalls) {
                CountTally atOnce = CountTally.everywhere();
                Tool countingBeside = CountedTargets.counting(0, events, atOnce);
                CountTally beside = CountTally.everywhere();
                CountedTargets.live(1, events, beside);
                String both = run(call, false);
                Map<String, Long> beforeFlush = atOnce.counts();
                List<String> deliveries = atOnce.deliveries();
                countingBeside.flushEvents();
                Monitoring.freeToolId(0);
                Monitoring.freeToolId(1);

                assertEquals(called, both, () -> call + ": outcome with two tools");
                assertEquals(List.of(), atOnce.problems(), () -> call + ": counts at once against the contract");
                assertTrue(deliveries.stream().allMatch(d -> d.endsWith(" x1")), () -> call + ": counts at once are 1");
                assertEquals(beforeFlush, atOnce.counts(), () -> call + ": the calls left nothing for the flush");
                assertEquals(live.counts(), beside.counts(), () -> call + ": the live tool beside the counting one");
                assertEquals(counted.counts(), atOnce.counts(), () -> call + ": calls against increments, by offset");
            }
            compared++;
        }
        assertTrue(compared > 0 || Corpus.calls(target).isEmpty(), target::toString);
    }
}
