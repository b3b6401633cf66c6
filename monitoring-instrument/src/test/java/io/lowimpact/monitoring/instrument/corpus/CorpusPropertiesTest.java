package io.lowimpact.monitoring.instrument.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of every stream of the corpus: each target class, each public static method, sample arguments. */
class CorpusPropertiesTest {

    static List<Class<?>> targets() {
        return Corpus.targets();
    }

    @AfterEach
    void freeTools() {
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            Monitoring.freeToolId(id);
        }
    }

    /** One call run twice: the original class, then the instrumented copy while tool 0 records every event. */
    record Run(Corpus.Call call, Instrumented.Outcome original, Instrumented.Outcome instrumented, List<Recorder.Ev> events) {
    }

    /** Runs every call of the target; calls whose original overflows the stack (deep recursion) are left out. */
    static List<Run> runAll(Class<?> target) {
        ClassLoader loader = Instrumented.loader();
        Class<?> copy;
        try {
            copy = Class.forName(target.getName(), false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        Recorder recorder = Recorder.start(0, EventSet.ALL);
        List<Run> runs = new ArrayList<>();
        try {
            for (Corpus.Call call : Corpus.calls(target)) {
                recorder.tool().setEvents(EventSet.NONE);
                Instrumented.Outcome original = Instrumented.call(call.method(), call.args());
                if (original.thrown() instanceof StackOverflowError) {
                    continue;
                }
                Method m = Instrumented.method(copy, call.method().getName());
                recorder.clear();
                recorder.tool().setEvents(EventSet.ALL);
                Instrumented.Outcome instrumented = Instrumented.call(m, call.args());
                recorder.tool().setEvents(EventSet.NONE);
                List<Recorder.Ev> events = new ArrayList<>();
                for (Recorder.Ev ev : recorder.events()) {
                    if (ev.thread() == Thread.currentThread()) {
                        events.add(ev);
                    }
                }
                runs.add(new Run(call, original, instrumented, events));
            }
        } finally {
            Monitoring.freeToolId(0);
        }
        assertFalse(runs.isEmpty(), "no calls of " + target);
        return runs;
    }

    /** S28: every BRANCH_LEFT is some (from, left) and every BRANCH_RIGHT some (from, rights[i]) of code.branches(). */
    @ParameterizedTest
    @MethodSource("targets")
    void branchEventsAreEdgesOfCodeBranches(Class<?> target) {
        List<String> problems = new ArrayList<>();
        for (Run run : runAll(target)) {
            for (Recorder.Ev ev : run.events()) {
                if (ev.event() != Event.BRANCH_LEFT && ev.event() != Event.BRANCH_RIGHT) {
                    continue;
                }
                boolean found = false;
                for (Branch b : ev.code().branches()) {
                    if (b.from() == ev.offset()) {
                        found |= ev.event() == Event.BRANCH_LEFT ? b.left() == ev.to() : b.hasRight(ev.to());
                    }
                }
                if (!found) {
                    problems.add(run.call() + ": " + ev.event().name() + " " + ev.offset() + "->" + ev.to() + " in "
                            + Recorder.unit(ev.code()) + " is not in " + ev.code().branches());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * S8: an exception that enters a frame (RAISE, RERAISE or EXTERNAL_RAISE there, or METHOD_UNWIND of the frame it
     * called) ends there as EXCEPTION_HANDLED or METHOD_UNWIND of that frame, before anything else happens in it;
     * and events nest: each belongs to the unit on top of the METHOD_START / METHOD_RETURN / METHOD_UNWIND stack.
     */
    @ParameterizedTest
    @MethodSource("targets")
    void everyExceptionEndsAsHandledOrUnwind(Class<?> target) {
        List<String> problems = new ArrayList<>();
        for (Run run : runAll(target)) {
            String problem = checkFrames(run.events());
            if (problem != null) {
                problems.add(run.call() + ": " + problem);
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A frame: its unit and the exception in flight in it, if any. */
    private static final class Frame {
        final CodeUnit code;
        Throwable inFlight;

        Frame(CodeUnit code) {
            this.code = code;
        }
    }

    /** @return what is wrong with a stream, or null */
    static String checkFrames(List<Recorder.Ev> events) {
        Deque<Frame> stack = new ArrayDeque<>();
        for (int i = 0; i < events.size(); i++) {
            Recorder.Ev ev = events.get(i);
            String at = "event " + i + " (" + ev.event().name() + " in " + Recorder.unit(ev.code()) + ")";
            Frame top = stack.peek();
            if (ev.event() == Event.METHOD_START) {
                if (top != null && top.inFlight != null) {
                    return at + ": a method starts while " + Recorder.show(top.inFlight) + " is in flight in "
                            + Recorder.unit(top.code);
                }
                stack.push(new Frame(ev.code()));
                continue;
            }
            if (top == null || top.code != ev.code()) {
                return at + ": not in the frame on top (" + (top == null ? "none" : Recorder.unit(top.code)) + ")";
            }
            Throwable exception = ev.value() instanceof Throwable ? (Throwable) ev.value() : null;
            if (ev.event() == Event.METHOD_UNWIND) {
                if (top.inFlight != null && top.inFlight != exception) {
                    return at + ": unwinds with " + Recorder.show(exception) + ", not " + Recorder.show(top.inFlight);
                }
                stack.pop();
                if (!stack.isEmpty()) {
                    stack.peek().inFlight = exception; // it enters the caller's frame
                }
            } else if (ev.event() == Event.EXCEPTION_HANDLED) {
                if (top.inFlight != null && top.inFlight != exception) {
                    return at + ": handles " + Recorder.show(exception) + ", not " + Recorder.show(top.inFlight);
                }
                top.inFlight = null;
            } else if (ev.event() == Event.EXTERNAL_RAISE) {
                top.inFlight = exception;
            } else if (top.inFlight != null) {
                return at + ": " + Recorder.show(top.inFlight) + " is in flight: only EXCEPTION_HANDLED or METHOD_UNWIND may come";
            } else if (ev.event() == Event.RAISE || ev.event() == Event.RERAISE) {
                top.inFlight = exception;
            } else if (ev.event() == Event.METHOD_RETURN) {
                stack.pop();
            }
        }
        if (!stack.isEmpty()) {
            return "the stream ends inside " + Recorder.unit(stack.peek().code);
        }
        return null;
    }

    /**
     * S41: the instrumented copy returns what the original returns, or throws the same exception (class, message)
     * with the same line numbers in the frames of target classes.
     */
    @ParameterizedTest
    @MethodSource("targets")
    void sameResultsAsOriginal(Class<?> target) {
        List<String> problems = new ArrayList<>();
        for (Run run : runAll(target)) {
            String original = describe(run.original());
            String instrumented = describe(run.instrumented());
            if (!original.equals(instrumented)) {
                problems.add(run.call() + ": original " + original + ", instrumented " + instrumented);
            }
        }
        assertEquals(List.of(), problems);
    }

    private static String describe(Instrumented.Outcome outcome) {
        if (outcome.thrown() == null) {
            Object v = outcome.value();
            boolean plain = v == null || v instanceof String || v instanceof Number || v instanceof Boolean;
            return "returns " + (plain ? Objects.toString(v) : v.getClass().getName());
        }
        Throwable t = outcome.thrown();
        return "throws " + t.getClass().getName() + "(" + t.getMessage() + ") at " + Instrumented.targetFrames(t);
    }
}
