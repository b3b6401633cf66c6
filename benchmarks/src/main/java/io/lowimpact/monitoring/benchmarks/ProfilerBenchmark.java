package io.lowimpact.monitoring.benchmarks;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CallCallback;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.tools.profiler.MethodStats;
import io.lowimpact.tools.profiler.Profile;
import io.lowimpact.tools.profiler.Profiler;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Issue 10: what does the profiler's own bookkeeping cost per event, against a tool that only counts the same
 * events? Both get the profiler's six events ({@link Profiler#EVENTS}) from injected probes, fired as
 * instrumented code fires them.
 *
 * <p>One operation is one call of an instrumented method {@code caller} that calls an instrumented
 * {@code callee} and an external {@code java.lang.Object.hashCode}: seven events (start, call, callee's start,
 * callee's return, external call, external return, return), so the score is per event
 * ({@link OperationsPerInvocation}). {@code tool=profiler} is {@link Profiler#start()}; {@code tool=counting}
 * registers a callback per event that increments a field: {@code profiler - counting} is the profiler's own share.
 * {@link #check} fails the trial if the tool did not see every event, and, for the profiler, if its profile does
 * not hold the calls made.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ProfilerBenchmark {

    private static final int EVENTS_PER_OP = 7;
    private static final CodeUnit CALLER = unit("caller");
    private static final CodeUnit CALLEE = unit("callee");
    private static final CallTarget CALLEE_TARGET = new CallTarget("bench.Profiled", "callee", "()V",
            CallTarget.Kind.STATIC);
    private static final CallTarget EXTERNAL = new CallTarget("java.lang.Object", "hashCode", "()I",
            CallTarget.Kind.VIRTUAL);
    private static final Probe CALLER_START = Monitoring.probe(CALLER, Event.METHOD_START, 0);
    private static final Probe CALL_CALLEE = Monitoring.probe(CALLER, Event.CALL, 1, CALLEE_TARGET);
    private static final Probe CALLEE_START = Monitoring.probe(CALLEE, Event.METHOD_START, 0);
    private static final Probe CALLEE_RETURN = Monitoring.probe(CALLEE, Event.METHOD_RETURN, 0);
    private static final Probe CALL_EXTERNAL = Monitoring.probe(CALLER, Event.CALL, 2, EXTERNAL);
    private static final Probe EXTERNAL_RETURN = Monitoring.probe(CALLER, Event.EXTERNAL_RETURN, 2, EXTERNAL);
    private static final Probe CALLER_RETURN = Monitoring.probe(CALLER, Event.METHOD_RETURN, 3);

    /** The profiler, or the counting tool. */
    @Param({"profiler", "counting"})
    public String tool;

    private Profiler profiler;
    private Tool counting;
    private final long[] counts = new long[1];
    private long ops;

    private static CodeUnit unit(String method) {
        return CodeUnit.define(CodeUnitSpec.builder("bench.Profiled", method).descriptor("()V")
                .sourceFile("Profiled.java").length(4).line(0, 4, 1).build());
    }

    /** Starts the profiler, or claims the profiler's id for the counting tool with the same events. */
    @Setup
    public void setUp() {
        if (tool.equals("profiler")) {
            profiler = Profiler.start();
        } else {
            counting = Monitoring.useToolId(Monitoring.PROFILER_ID, "profiler-benchmark-counting");
            long[] c = counts;
            counting.registerCallback(Event.METHOD_START, (code, offset) -> count(c));
            counting.registerCallback(Event.METHOD_RETURN, (code, offset, value) -> count(c));
            counting.registerCallback(Event.METHOD_UNWIND, (code, offset, exception) -> count(c));
            CallCallback call = (code, offset, target, arg0) -> count(c);
            counting.registerCallback(Event.CALL, call);
            counting.registerCallback(Event.EXTERNAL_RETURN, call);
            counting.registerCallback(Event.EXTERNAL_RAISE, call);
            counting.setEvents(Profiler.EVENTS);
        }
        Fixtures.requireActive(new Probe[] {CALLER_START, CALL_CALLEE, CALLEE_START, CALLEE_RETURN, CALL_EXTERNAL,
            EXTERNAL_RETURN, CALLER_RETURN}, true, "active (the tool's events set)");
    }

    /** The counting tool's callback for every event: counts it and goes on. */
    private static Action count(long[] c) {
        c[0]++;
        return Action.CONTINUE;
    }

    /** Stops the tool, then checks that it saw every event of every operation. */
    @TearDown
    public void check() {
        long expected = ops * EVENTS_PER_OP;
        if (profiler != null) {
            Profile profile = profiler.snapshot();
            profiler.stop();
            MethodStats callee = profile.method("bench.Profiled.callee()V");
            if (profile.events() != expected || callee == null || callee.count() != ops) {
                throw new IllegalStateException("profiler saw " + profile.events() + " events, callee " + callee
                        + "; expected " + expected + " events, " + ops + " calls");
            }
        } else {
            counting.close();
            if (counts[0] != expected) {
                throw new IllegalStateException("counting tool saw " + counts[0] + " events, expected " + expected);
            }
        }
    }

    /** One call of {@code caller}: seven events. */
    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_OP)
    public void call() {
        ops++;
        CALLER_START.fire();
        CALL_CALLEE.fireCall(Monitoring.MISSING);
        CALLEE_START.fire();
        CALLEE_RETURN.fireReturn(Monitoring.MISSING);
        CALL_EXTERNAL.fireCall(Monitoring.MISSING);
        EXTERNAL_RETURN.fireCall(Monitoring.MISSING);
        CALLER_RETURN.fireReturn(Monitoring.MISSING);
    }
}
