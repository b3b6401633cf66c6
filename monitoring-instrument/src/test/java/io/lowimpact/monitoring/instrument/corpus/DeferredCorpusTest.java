package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.core.internal.Control;
import io.lowimpact.monitoring.instrument.internal.Engine;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deferred events over the whole corpus (S44–S46): for every call of every target, with every deferrable event
 * deferred, the store probes (only the deferring tool listening) deliver at the flush exactly the locations that the
 * calling probes deliver to the same tool once each as they happen (a second tool wanting the events at once keeps
 * the calls), and their distinct events are those of the second tool's full stream. The classes must verify and run
 * as they did, with the same outcome.
 */
class DeferredCorpusTest {

    @AfterEach
    void freeTools() {
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            Monitoring.freeToolId(id);
        }
    }

    static Stream<Arguments> targets() {
        return Corpus.targets().stream().map(Arguments::of);
    }

    /**
     * A fresh loader whose targets an engine of the runtime rewrites for the tools as they are now (also
     * {@link CountedCorpusTest}'s).
     *
     * @param stores whether every probe must be a store or an increment (the class then calls nothing of the
     *        runtime)
     */
    static ClassLoader loader(boolean stores) {
        Engine engine = new Engine(Control.INSTANCE, name -> !name.startsWith("java"), 0);
        return DeferredEventsTest.engineLoader(engine, name -> name.startsWith(Instrumented.TARGETS), (name, result) -> {
            if (stores) {
                assertEquals(0, DeferredEventsTest.runtimeCalls(result, null), name + " calls the runtime");
            }
        });
    }

    /** Runs a call in fresh classes; the deferring tool's events, sorted, then the outcome. */
    private static List<String> run(Corpus.Call call, Recorder deferring, boolean stores) throws Exception {
        Class<?> copy = Class.forName(call.method().getDeclaringClass().getName(), false, loader(stores));
        Method m = Instrumented.method(copy, call.method().getName());
        Instrumented.Outcome outcome = Instrumented.call(m, call.args());
        deferring.tool().flushEvents();
        List<String> lines = new ArrayList<>(deferring.lines());
        lines.sort(null);
        lines.add("outcome " + (outcome.thrown() != null ? outcome.thrown().getClass().getName()
                : String.valueOf(outcome.value())));
        return lines;
    }

    private static Recorder deferring(EventSet events) {
        Recorder r = Recorder.idle(0);
        r.tool().setDeferredEvents(events);
        r.tool().setEvents(events);
        return r;
    }

    @ParameterizedTest
    @MethodSource("targets")
    void s46_storesDeliverWhatCallsDeliverOncePerLocation(Class<?> target) throws Exception {
        compare(target, EventSet.DEFERRABLE);
    }

    /**
     * What a coverage tool defers: lines and branches. Edges that are the one way into a line point have no probe of
     * their own there, the line's store implying them.
     */
    @ParameterizedTest
    @MethodSource("targets")
    void s46_lineAndBranchStoresDeliverWhatCallsDeliverOncePerLocation(Class<?> target) throws Exception {
        compare(target, EventSet.of(Event.LINE).union(EventSet.BRANCH));
    }

    private static void compare(Class<?> target, EventSet events) throws Exception {
        int compared = 0;
        for (Corpus.Call call : Corpus.calls(target)) {
            if (Instrumented.call(call.method(), call.args()).thrown() instanceof StackOverflowError) {
                continue; // how deep the stack goes depends on the frames' sizes, which probes change
            }
            Recorder alone = deferring(events);
            List<String> stores = run(call, alone, true);
            Monitoring.freeToolId(0);

            Recorder withCalls = deferring(events);
            Recorder atOnce = Recorder.start(1, events);
            List<String> calls = run(call, withCalls, false);
            List<String> stream = atOnce.lines();
            Monitoring.freeToolId(0);
            Monitoring.freeToolId(1);

            assertEquals(calls, stores, () -> call + ": stores against calls");
            assertEquals(new TreeSet<>(stream), new TreeSet<>(calls.subList(0, calls.size() - 1)),
                    () -> call + ": the distinct events of the full stream");
            compared++;
        }
        assertTrue(compared > 0 || Corpus.calls(target).isEmpty(), target::toString);
    }
}
