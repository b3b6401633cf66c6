package io.lowimpact.monitoring.benchmarks;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.benchmarks.workloads.Workload;
import io.lowimpact.monitoring.benchmarks.workloads.Workloads;
import io.lowimpact.monitoring.core.internal.Control;
import io.lowimpact.monitoring.instrument.internal.Engine;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * What does per-test coverage cost per location in the runtime, with deferred events (spec S44–S46)? A coverage tool
 * defers LINE, BRANCH_LEFT and BRANCH_RIGHT, so its probes are stores; {@value #COPIES} copies of the workloads, each
 * rewritten by the agent's engine into its own class loader, are run once per operation, which hits every location
 * of each copy that the inputs reach. Then:
 * <ul>
 *   <li>{@link #baseline}: nothing else: the stores' own cost;</li>
 *   <li>{@link #runAndFlush}: {@code flushEvents()}, which finds every hit of the copies but delivers nothing, the
 *       locations being disabled since their first flush: the scan of the hit arrays;</li>
 *   <li>{@link #runAndRestart}: {@code restartEvents()}, which delivers every location hit (one callback each, a
 *       counter increment) and re-enables them: what a per-test coverage tool pays at each test.</li>
 * </ul>
 * {@code (runAndRestart - runAndFlush) / locations} is the runtime's cost of one location's delivery, DISABLE mark
 * and re-enable; the setup prints {@code locations}, the deliveries of one restart.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeferredRestartBenchmark {

    /** How many rewritten copies of the workloads run, each in its own loader. */
    static final int COPIES = 100;
    private static final EventSet EVENTS = EventSet.of(Event.LINE).union(EventSet.BRANCH);

    private final long[] deliveries = {0};
    private Workload[] copies;
    private Tool tool;
    private String text;
    private int[] values;

    /**
     * Claims the tool, defers its events and loads the copies through the engine.
     *
     * @throws Exception if a copy cannot be made
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        tool = Monitoring.useToolId(Monitoring.COVERAGE_ID, "deferred-coverage");
        tool.registerCallback(Event.LINE, (code, line) -> count());
        tool.registerCallback(Event.BRANCH_LEFT, (code, from, to) -> count());
        tool.registerCallback(Event.BRANCH_RIGHT, (code, from, to) -> count());
        tool.setDeferredEvents(EVENTS); // before the events: the copies are written with stores from the start
        tool.setEvents(EVENTS);
        byte[] original = BytecodeProbesBenchmark.classFile(Workloads.class);
        String name = Workloads.class.getName();
        Engine engine = new Engine(Control.INSTANCE, name::equals, 0);
        copies = new Workload[COPIES];
        for (int i = 0; i < COPIES; i++) {
            copies[i] = (Workload) BytecodeProbesBenchmark.define(name, loader -> {
                byte[] bytes = engine.transform(loader, name.replace('.', '/'), original);
                if (bytes == null) {
                    throw new IllegalStateException("the engine left " + name + " unchanged");
                }
                return bytes;
            }).getConstructor().newInstance();
        }
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            b.append("(+-) abc 123 x9 *".charAt(random.nextInt(17)));
        }
        text = b.toString();
        values = random.ints(100, -100, 100).toArray();
        run();
        tool.restartEvents();
        long before = deliveries[0];
        run();
        tool.restartEvents();
        long perRestart = deliveries[0] - before;
        run();
        tool.flushEvents();
        before = deliveries[0];
        run();
        tool.flushEvents();
        if (perRestart == 0 || deliveries[0] != before) {
            throw new IllegalStateException("expected deliveries at each restart and none at a flush after one, got "
                    + perRestart + " and " + (deliveries[0] - before));
        }
        System.out.println("locations delivered per restart: " + perRestart);
    }

    /** Frees the tool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        tool.close();
    }

    private Action count() {
        deliveries[0]++;
        return Action.CONTINUE;
    }

    private int run() {
        int sum = 0;
        for (Workload w : copies) {
            sum += w.scan(text) + w.fib(5) + w.sumPositive(values) + w.small(7) + w.small(170);
        }
        return sum;
    }

    /** @return the workloads' result, so that the JIT keeps them */
    @Benchmark
    public int baseline() {
        return run();
    }

    /** @return the workloads' result */
    @Benchmark
    public int runAndFlush() {
        int sum = run();
        tool.flushEvents();
        return sum;
    }

    /** @return the workloads' result */
    @Benchmark
    public int runAndRestart() {
        int sum = run();
        tool.restartEvents();
        return sum;
    }
}
