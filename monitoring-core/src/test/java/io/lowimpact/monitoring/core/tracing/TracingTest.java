package io.lowimpact.monitoring.core.tracing;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.Tracing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The legacy facade (S43) over a small injected "interpreter": {@code main} calls {@code helper}, which calls
 * {@code fail}, which raises; {@code gen} resumes and yields. The tracer (tool 7), the profiler (tool 6) and a
 * coverage tool (tool 1, DISABLE after the first hit) watch the same code; each stream is compared whole.
 */
class TracingTest {

    private static int sequence;

    /** One injected unit: entry at 0, line {@code firstLine + i} at offset {@code 1 + i}, exit at the end. */
    static final class Unit {
        final CodeUnit code;
        final Probe start;
        final Probe resume;
        final Probe ret;
        final Probe yield;
        final Probe unwind;
        final Probe raise;
        final Probe[] lines;

        Unit(String name, int firstLine, int lineCount) {
            CodeUnitSpec.Builder spec = CodeUnitSpec.builder("tracing.test" + sequence, name).length(lineCount + 2);
            for (int i = 0; i < lineCount; i++) {
                spec.line(1 + i, 2 + i, firstLine + i);
            }
            code = CodeUnit.define(spec.build());
            int exit = lineCount + 1;
            start = Monitoring.probe(code, Event.METHOD_START, 0);
            resume = Monitoring.probe(code, Event.METHOD_RESUME, 0);
            ret = Monitoring.probe(code, Event.METHOD_RETURN, exit);
            yield = Monitoring.probe(code, Event.METHOD_YIELD, exit);
            unwind = Monitoring.probe(code, Event.METHOD_UNWIND, exit);
            raise = Monitoring.probe(code, Event.RAISE, exit);
            lines = new Probe[lineCount];
            for (int i = 0; i < lineCount; i++) {
                lines[i] = Monitoring.probe(code, Event.LINE, 1 + i);
            }
        }

        void line(int i) {
            if (lines[i].isActive()) {
                lines[i].fire();
            }
        }
    }

    private Unit main;
    private Unit helper;
    private Unit fail;
    private Unit gen;
    private final List<String> coverage = Collections.synchronizedList(new ArrayList<>());
    private Tool coverageTool;

    @BeforeEach
    void setUp() {
        sequence++;
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            Monitoring.freeToolId(id);
        }
        main = new Unit("main", 1, 3);
        helper = new Unit("helper", 10, 2);
        fail = new Unit("fail", 20, 1);
        gen = new Unit("gen", 30, 2);
        coverageTool = Monitoring.useToolId(Monitoring.COVERAGE_ID, "coverage");
        coverageTool.registerCallback(Event.LINE, (code, line) -> {
            coverage.add(code.methodName() + ":" + line);
            return Action.DISABLE;
        });
        coverageTool.setEvents(EventSet.of(Event.LINE));
    }

    @AfterEach
    void tearDown() {
        Tracing.setTrace(null);
        Tracing.setTraceAllThreads(null);
        Tracing.setProfile(null);
        Tracing.setProfileAllThreads(null);
        coverageTool.close();
    }

    /** main: line 1, call helper, line 2 catches, line 3, return 7. */
    private Object runMain() {
        fire(main.start);
        main.line(0);
        try {
            runHelper();
        } catch (IllegalStateException e) {
            main.line(1);
        }
        main.line(2);
        fireReturn(main.ret, 7);
        return 7;
    }

    /** helper: line 10, line 11 calls fail; unwinds. */
    private void runHelper() {
        fire(helper.start);
        helper.line(0);
        helper.line(1);
        try {
            runFail();
        } catch (IllegalStateException e) {
            fireException(helper.unwind, e);
            throw e;
        }
    }

    /** fail: line 20 raises. */
    private void runFail() {
        fire(fail.start);
        fail.line(0);
        IllegalStateException e = new IllegalStateException("boom");
        fireException(fail.raise, e);
        fireException(fail.unwind, e);
        throw e;
    }

    /** gen: started, line 30, yields 1; resumed, line 31, yields 2; resumed, returns. */
    private void runGenerator() {
        fire(gen.start);
        gen.line(0);
        fireReturn(gen.yield, 1);
        fire(gen.resume);
        gen.line(1);
        fireReturn(gen.yield, 2);
        fire(gen.resume);
        fireReturn(gen.ret, Monitoring.MISSING);
    }

    private static void fire(Probe p) {
        if (p.isActive()) {
            p.fire();
        }
    }

    private static void fireReturn(Probe p, Object value) {
        if (p.isActive()) {
            p.fireReturn(value);
        }
    }

    private static void fireException(Probe p, Throwable e) {
        if (p.isActive()) {
            p.fireException(e);
        }
    }

    /** Records sys.settrace-style events as "call main", "line main 1", "return main 7", "exception fail boom". */
    static final class Recording implements Tracing.Tracer {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onCall(CodeUnit code, int offset) {
            events.add("call " + code.methodName() + "@" + offset);
        }

        @Override
        public void onLine(CodeUnit code, int line) {
            events.add("line " + code.methodName() + " " + line);
        }

        @Override
        public void onReturn(CodeUnit code, int offset, Object value) {
            events.add("return " + code.methodName() + "@" + offset + " " + value);
        }

        @Override
        public void onException(CodeUnit code, int offset, Throwable exception) {
            events.add("exception " + code.methodName() + "@" + offset + " " + exception.getMessage());
        }
    }

    private static final List<String> MAIN_TRACE = List.of(
            "call main@0", "line main 1",
            "call helper@0", "line helper 10", "line helper 11",
            "call fail@0", "line fail 20",
            "exception fail@2 boom",
            "return fail@2 null",
            "return helper@3 null",
            "line main 2", "line main 3",
            "return main@4 7");

    @Test
    void aTracerSeesCallsLinesReturnsAndTheRaiseOfACallChainWhileCoverageDisablesItsLines() {
        Recording tracer = new Recording();
        Tracing.setTrace(tracer);
        assertSame(tracer, Tracing.getTrace());

        runMain();
        assertEquals(MAIN_TRACE, tracer.events);
        assertEquals(List.of("main:1", "helper:10", "helper:11", "fail:20", "main:2", "main:3"), coverage);

        tracer.events.clear();
        coverage.clear();
        runMain();
        assertEquals(MAIN_TRACE, tracer.events, "coverage's DISABLE leaves the tracer's lines alone");
        assertEquals(List.of(), coverage);

        tracer.events.clear();
        coverageTool.restartEvents();
        runMain();
        assertEquals(MAIN_TRACE, tracer.events, "and so does its restart");
        assertEquals(List.of("main:1", "helper:10", "helper:11", "fail:20", "main:2", "main:3"), coverage);
    }

    @Test
    void aGeneratorResumesAndYieldsAsCallsAndReturns() {
        Recording tracer = new Recording();
        Tracing.setTrace(tracer);
        runGenerator();
        assertEquals(List.of(
                "call gen@0", "line gen 30", "return gen@3 1",
                "call gen@0", "line gen 31", "return gen@3 2",
                "call gen@0", "return gen@3 MISSING"), tracer.events);
    }

    @Test
    void aProfilerSeesCallsAndReturnsOnlyAndAnUnwindAsItsOwnEvent() {
        List<String> profile = Collections.synchronizedList(new ArrayList<>());
        Tracing.setProfile(new Tracing.Profiler() {
            @Override
            public void onCall(CodeUnit code, int offset) {
                profile.add("call " + code.methodName());
            }

            @Override
            public void onReturn(CodeUnit code, int offset, Object value) {
                profile.add("return " + code.methodName() + " " + value);
            }

            @Override
            public void onUnwind(CodeUnit code, int offset, Throwable exception) {
                profile.add("unwind " + code.methodName() + " " + exception.getMessage());
            }
        });
        Recording tracer = new Recording();
        Tracing.setTrace(tracer);
        runMain();
        assertEquals(List.of("call main", "call helper", "call fail", "unwind fail boom", "unwind helper boom",
                "return main 7"), profile);
        assertEquals(MAIN_TRACE, tracer.events, "profiler and tracer side by side");
    }

    @Test
    void tracingIsPerThreadWithTheThreadsOwnTracerBeforeTheAllThreadsOne() throws InterruptedException {
        Recording mine = new Recording();
        Recording all = new Recording();
        Tracing.setTrace(mine);
        Thread other = new Thread(this::runGenerator);
        other.start();
        other.join();
        assertEquals(List.of(), mine.events, "another thread's events are filtered out");

        Tracing.setTraceAllThreads(all);
        other = new Thread(this::runGenerator);
        other.start();
        other.join();
        runGenerator();
        assertEquals(8, all.events.size(), "the other thread, through the all-threads tracer: " + all.events);
        assertEquals(8, mine.events.size(), "this thread, through its own tracer: " + mine.events);

        Tracing.setTrace(null);
        Tracing.setTraceAllThreads(null);
        assertNull(Tracing.getTrace());
        mine.events.clear();
        all.events.clear();
        coverageTool.setEvents(EventSet.NONE);
        assertFalse(main.start.isActive(), "no tracer left: the facade's tool wants nothing");
        runMain();
        assertEquals(List.of(), mine.events);
        assertTrue(Monitoring.getTool(Monitoring.COVERAGE_ID).isPresent());
    }
}
