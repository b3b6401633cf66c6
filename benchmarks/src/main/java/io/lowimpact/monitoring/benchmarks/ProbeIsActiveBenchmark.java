package io.lowimpact.monitoring.benchmarks;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

/**
 * design.md P8: is {@code if (probe.isActive()) probe.fire();} on an inactive probe, once per iteration of a hot
 * loop, indistinguishable from the same loop without it?
 *
 * <p>Every method sums an int array; all but {@link #baseline} first check a guard per element, as an
 * interpreter checks its line probe per statement. The probe is a constant (a {@code static final} field, as in
 * generated code) and inactive: no tool is in use in this fork. The guards compared:
 * <ul>
 *   <li>{@link #probeIsActive}: the probe API;</li>
 *   <li>{@link #volatileFlag}: the hand-written probe of design.md's list of baselines, a
 *       {@code static volatile boolean};</li>
 *   <li>{@link #opaqueFlag}: a {@code static boolean} read with {@link VarHandle#getOpaque}, the weaker read
 *       design.md allows;</li>
 *   <li>{@link #plainFlag}: a plain {@code static boolean}. Not a valid probe (a running loop need never see it
 *       change); it shows what the loop costs when the JIT may hoist the check out of it.</li>
 * </ul>
 * Scores are ns per pass over the array; the loop is short and simple, so it shows the guard's worst case.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ProbeIsActiveBenchmark {

    private static final Probe PROBE = Monitoring.probe(Fixtures.unit("bench.ProbeIsActive", 1), Event.LINE, 0);

    private static final VarHandle OPAQUE_FLAG;

    static {
        try {
            OPAQUE_FLAG = MethodHandles.lookup()
                    .findStaticVarHandle(ProbeIsActiveBenchmark.class, "opaque", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static volatile boolean volatileFlag;
    /** Read only through {@link #OPAQUE_FLAG}. */
    private static boolean opaque;
    private static boolean plainFlag;

    /** Elements per pass. */
    @Param({"1024"})
    public int size;

    private int[] values;

    /** Makes the data; checks that the probe is inactive. */
    @Setup
    public void setUp() {
        values = Fixtures.randomInts(size);
        Fixtures.requireActive(new Probe[] {PROBE}, false, "inactive (no tool in use)");
    }

    /**
     * The loop alone.
     *
     * @return the sum
     */
    @Benchmark
    public int baseline() {
        int[] a = values;
        int sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i];
        }
        return sum;
    }

    /**
     * The loop with the probe's check per element.
     *
     * @return the sum
     */
    @Benchmark
    public int probeIsActive() {
        int[] a = values;
        Probe probe = PROBE;
        int sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (probe.isActive()) {
                probe.fire();
            }
            sum += a[i];
        }
        return sum;
    }

    /**
     * The loop with a hand-written volatile flag per element.
     *
     * @return the sum
     */
    @Benchmark
    public int volatileFlag() {
        int[] a = values;
        int sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (volatileFlag) {
                PROBE.fire();
            }
            sum += a[i];
        }
        return sum;
    }

    /**
     * The loop with an opaque read of a flag per element.
     *
     * @return the sum
     */
    @Benchmark
    public int opaqueFlag() {
        int[] a = values;
        int sum = 0;
        for (int i = 0; i < a.length; i++) {
            if ((boolean) OPAQUE_FLAG.getOpaque()) {
                PROBE.fire();
            }
            sum += a[i];
        }
        return sum;
    }

    /**
     * The loop with a plain flag per element (hoistable; not a valid probe).
     *
     * @return the sum
     */
    @Benchmark
    public int plainFlag() {
        int[] a = values;
        int sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (plainFlag) {
                PROBE.fire();
            }
            sum += a[i];
        }
        return sum;
    }
}
