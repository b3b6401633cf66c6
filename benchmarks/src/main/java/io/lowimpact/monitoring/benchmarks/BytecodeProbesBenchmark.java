package io.lowimpact.monitoring.benchmarks;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.benchmarks.workloads.Workload;
import io.lowimpact.monitoring.benchmarks.workloads.Workloads;
import io.lowimpact.monitoring.instrument.OfflineInstrumenter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What do bytecode probes cost the code they are in? The same workloads (a parser-like method with many branches,
 * recursion, a hot loop, a small method that must inline) run as:
 * <ul>
 *   <li>{@code original}: the class as compiled, in its own class loader (the baseline);</li>
 *   <li>{@code patchedOut}: with METHOD_START, LINE and BRANCH probes, no tool listening (design.md P1, the state of a
 *       class pre-instrumented with {@code probes=});</li>
 *   <li>{@code disabled}: the same probes after a coverage tool saw every location once and DISABLEd it (P2);</li>
 *   <li>{@code callback}: one no-op callback for METHOD_START and one for LINE, never disabled (P3: the extra time
 *       over {@code patchedOut}, divided by the events per operation, is the cost per delivered event).</li>
 * </ul>
 * Each variant is its own JMH trial (its own fork), so the JIT profiles of one cannot spill into another.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BytecodeProbesBenchmark {

    /** Which copy of the workloads, and which tools listen. */
    @Param({"original", "patchedOut", "disabled", "callback"})
    public String variant;

    /** Every kind of character {@code scan} branches on, so that warm-up takes every edge once. */
    private static final String ALPHABET = "(+-) abc 123 x9 *";

    private final long[] deliveries = {0};
    private Workload workload;
    private Tool tool;
    private String text;
    private int[] values;
    private int x;

    /**
     * Loads the variant's copy of the workloads and sets up its tool.
     *
     * @throws Exception if the class cannot be read or made
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        byte[] original = classFile(Workloads.class);
        byte[] bytes = variant.equals("original") ? original
                : OfflineInstrumenter.instrument(original,
                        EventSet.of(Event.METHOD_START, Event.LINE).union(EventSet.BRANCH));
        workload = (Workload) define(Workloads.class.getName(), bytes).getConstructor().newInstance();
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        text = b.toString();
        values = random.ints(1000, -100, 100).toArray();
        x = 42;
        if (variant.equals("disabled")) {
            tool = Monitoring.useToolId(Monitoring.COVERAGE_ID, "coverage");
            tool.registerCallback(Event.METHOD_START, (code, offset) -> disable());
            tool.registerCallback(Event.LINE, (code, line) -> disable());
            tool.registerCallback(Event.BRANCH_LEFT, (code, from, to) -> disable());
            tool.registerCallback(Event.BRANCH_RIGHT, (code, from, to) -> disable());
            tool.setEvents(EventSet.of(Event.METHOD_START, Event.LINE).union(EventSet.BRANCH));
            for (int i = 0; i < 1000; i++) { // every location of every workload, so every probe is disabled
                workload.scan(text);
                workload.fib(12);
                workload.sumPositive(values);
                workload.small(i % 200);
            }
            requireNoDelivery();
        } else if (variant.equals("callback")) {
            printEventsPerOperation();
            tool = Monitoring.useToolId(Monitoring.PROFILER_ID, "profiler");
            tool.registerCallback(Event.METHOD_START, (code, offset) -> Action.CONTINUE);
            tool.registerCallback(Event.LINE, (code, line) -> Action.CONTINUE);
            tool.setEvents(EventSet.of(Event.METHOD_START, Event.LINE));
        }
    }

    private Action disable() {
        deliveries[0]++;
        return Action.DISABLE;
    }

    /** Fails the trial unless every probe is disabled: the P2 question is about that state only. */
    private void requireNoDelivery() {
        long before = deliveries[0];
        workload.scan(text);
        workload.fib(12);
        workload.sumPositive(values);
        workload.small(7);
        workload.small(170);
        if (deliveries[0] != before) {
            throw new IllegalStateException((deliveries[0] - before) + " events still delivered after the warm-up");
        }
    }

    /** Prints how many METHOD_START and LINE events each benchmark's operation delivers, to turn time into cost per event. */
    private void printEventsPerOperation() {
        long[] count = {0};
        try (Tool counter = Monitoring.useToolId(Monitoring.DEBUGGER_ID, "counter")) {
            counter.registerCallback(Event.METHOD_START, (code, offset) -> {
                count[0]++;
                return Action.CONTINUE;
            });
            counter.registerCallback(Event.LINE, (code, line) -> {
                count[0]++;
                return Action.CONTINUE;
            });
            counter.setEvents(EventSet.of(Event.METHOD_START, Event.LINE));
            workload.scan(text);
            System.out.println("events per operation: scan " + count[0]);
            count[0] = 0;
            workload.fib(15);
            System.out.println("events per operation: fib " + count[0]);
            count[0] = 0;
            workload.sumPositive(values);
            System.out.println("events per operation: sumPositive " + count[0]);
            count[0] = 0;
            workload.small(x);
            System.out.println("events per operation: small " + count[0]);
        }
    }

    /** Frees the tool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (tool != null) {
            tool.close();
        }
    }

    /** @return a checksum of 200 characters of tokens */
    @Benchmark
    public int scan() {
        return workload.scan(text);
    }

    /** @return fib(15): 1,973 calls */
    @Benchmark
    public int fib() {
        return workload.fib(15);
    }

    /** @return the sum of the positive values of 1,000 */
    @Benchmark
    public int sumPositive() {
        return workload.sumPositive(values);
    }

    /** @return a small function of one value */
    @Benchmark
    public int small() {
        return workload.small(x);
    }

    static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    static Class<?> define(String name, byte[] bytes) throws ClassNotFoundException {
        return define(name, loader -> bytes);
    }

    /**
     * Loads class {@code name} in a fresh loader of its own (other classes come from this class's loader), from the
     * bytes that {@code bytes} makes for that loader.
     */
    static Class<?> define(String name, Function<ClassLoader, byte[]> bytes) throws ClassNotFoundException {
        ClassLoader parent = BytecodeProbesBenchmark.class.getClassLoader();
        return new ClassLoader(parent) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                if (!className.equals(name)) {
                    return super.loadClass(className, resolve);
                }
                synchronized (getClassLoadingLock(className)) {
                    Class<?> c = findLoadedClass(className);
                    if (c == null) {
                        byte[] b = bytes.apply(this);
                        c = defineClass(className, b, 0, b.length);
                    }
                    return c;
                }
            }
        }.loadClass(name);
    }
}
