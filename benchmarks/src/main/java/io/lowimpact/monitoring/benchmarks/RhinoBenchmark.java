package io.lowimpact.monitoring.benchmarks;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.rhino.RhinoMonitoring;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What do Lowimpact's Rhino hooks cost a script that Rhino interprets: installed with no tool listening (target
 * ≤ 1.05 × {@link #baseline}), and under a line-coverage tool that DISABLEs each line after its first hit (target
 * ≤ 1.2 ×)?
 *
 * <p>The workload ({@code rhino-workload.js}) is one pass of calls, recursion, loops, a closure, string and object
 * work and a caught exception, compiled once per fork and run in a fresh top-level scope per operation (sharing the
 * standard objects), in interpreted mode. {@link #baseline} runs it on a context without hooks;
 * {@link #installedIdle} on a context with {@link RhinoMonitoring#install}, no tool in use;
 * {@link #lineCoverage} with a coverage tool whose LINE callback returns DISABLE, after a first pass in the setup has disabled every line
 * (steady state: no tool would receive an event of the script's units, so their frames get no hooks). Scores are µs
 * per pass. On a loaded machine the forks' wall times are not comparable; {@link RhinoHarness} interleaves the
 * variants in one JVM and times them by thread CPU time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RhinoBenchmark {

    static final String WORKLOAD = "rhino-workload.js";

    /** A context entered on the benchmark thread, and the workload compiled on it. */
    @State(Scope.Thread)
    public abstract static class Js {
        Context cx;
        Script script;
        Scriptable shared;

        abstract boolean hooks();

        /** Enters a context in interpreted mode, with or without the hooks, and compiles the workload. */
        @Setup
        public void enter() {
            cx = Context.enter();
            cx.setInterpretedMode(true);
            if (hooks()) {
                RhinoMonitoring.install(cx);
            }
            script = cx.compileString(source(), WORKLOAD, 1, null);
            shared = cx.initStandardObjects();
            entered();
        }

        /** Runs after {@link #enter()}. */
        void entered() {
        }

        /** Runs the workload in a new top-level scope whose prototype holds the standard objects. */
        Object pass() {
            Scriptable scope = cx.newObject(shared);
            scope.setPrototype(shared);
            scope.setParentScope(null);
            return script.exec(cx, scope, scope);
        }

        /** Leaves the context. */
        @TearDown
        public void exit() {
            Context.exit();
        }
    }

    /** No hooks. */
    public static class Plain extends Js {
        @Override
        boolean hooks() {
            return false;
        }
    }

    /** Hooks installed, no tool in use. */
    public static class Installed extends Js {
        @Override
        boolean hooks() {
            return true;
        }
    }

    /** Hooks installed and a line-coverage tool with DISABLE, every line seen once in the setup. */
    public static class Covered extends Js {
        Tool coverage;
        final AtomicLong lines = new AtomicLong();

        @Override
        boolean hooks() {
            return true;
        }

        /** Claims the coverage tool and runs one pass, so that every line is disabled. */
        @Override
        void entered() {
            coverage = Monitoring.useToolId(Monitoring.COVERAGE_ID, "rhino line coverage");
            coverage.registerCallback(Event.LINE, (code, line) -> {
                lines.incrementAndGet();
                return Action.DISABLE;
            });
            coverage.setEvents(EventSet.of(Event.LINE));
            pass();
            long seen = lines.get();
            pass();
            if (seen == 0 || lines.get() != seen) {
                throw new IllegalStateException("expected every line once in the first pass, then none: " + seen
                        + " then " + lines.get());
            }
        }

        /** Frees the tool. */
        @TearDown
        public void free() {
            coverage.close();
        }
    }

    static String source() {
        try (InputStream in = RhinoBenchmark.class.getResourceAsStream(WORKLOAD)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param js the plain context
     * @return the pass's result
     */
    @Benchmark
    public Object baseline(Plain js) {
        return js.pass();
    }

    /**
     * @param js the context with hooks and no tool
     * @return the pass's result
     */
    @Benchmark
    public Object installedIdle(Installed js) {
        return js.pass();
    }

    /**
     * @param js the context with hooks and coverage, all lines disabled
     * @return the pass's result
     */
    @Benchmark
    public Object lineCoverage(Covered js) {
        return js.pass();
    }
}
