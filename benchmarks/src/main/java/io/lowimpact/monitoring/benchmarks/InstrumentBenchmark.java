package io.lowimpact.monitoring.benchmarks;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.core.internal.Control;
import io.lowimpact.monitoring.core.internal.JdkPackages;
import io.lowimpact.monitoring.instrument.internal.OfflineRewrite;

import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.OfflineInstrumentationAccessGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What does instrumenting a class cost, against JaCoCo's instrumenter on the same classes? Under an agent every
 * class pays this once, as it loads, mostly before the JIT has compiled the instrumenter: on javac it is a fifth of
 * the main thread's time under line+branch coverage (the real-workload benchmark's recordings), so it counts
 * towards P9.
 *
 * <p>Input: every class of the running JDK's {@code jdk.compiler} module under {@code com/sun/tools/javac} (the
 * classes of the real-workload benchmark's program), read once from the {@code jrt:} file system. One operation
 * instruments them all: {@link #lineBranch} with the probes of line+branch coverage through the offline API (the
 * agent's analysis and rewrite, as under a coverage tool), {@link #line} with LINE only, {@link #jacoco} with
 * JaCoCo's offline instrumenter (its probes are always line+branch). Scores are milliseconds per pass over the
 * classes. Run steady state with the defaults, and cold (the first pass in a fresh JVM, which is what an agent
 * sees) with {@code -bm ss -wi 0 -i 1 -f 5}.
 *
 * <p>Each pass rewrites as {@code OfflineInstrumenter.instrument} does (the class file check, the analysis, the units
 * registered, the rewrite), into a fresh core of its own ({@link RewriteCost}): in the JVM's one core every pass
 * registered its classes for good, so that each pass copied a larger class table at each registration and the heap
 * grew by the units of every pass before (the passes of one run varied by 2 times).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InstrumentBenchmark {

    private static final EventSet LINE_BRANCH = EventSet.of(Event.LINE, Event.BRANCH_LEFT, Event.BRANCH_RIGHT);
    private static final EventSet LINE = EventSet.of(Event.LINE);

    private final List<byte[]> classes = new ArrayList<>();
    private Instrumenter jacoco;

    /**
     * Reads javac's classes.
     *
     * @throws IOException if the JDK's module image cannot be read
     */
    @Setup
    public void setUp() throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        try (Stream<Path> files = Files.walk(jrt.getPath("/modules/jdk.compiler/com/sun/tools/javac"))) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (file.toString().endsWith(".class")) {
                    classes.add(Files.readAllBytes(file));
                }
            }
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("no javac classes in this JDK's module image");
        }
        jacoco = new Instrumenter(new OfflineInstrumentationAccessGenerator());
    }

    /** @return bytes written: our probes for LINE, BRANCH_LEFT and BRANCH_RIGHT */
    @Benchmark
    public long lineBranch() {
        return instrumentAll(LINE_BRANCH);
    }

    /** @return bytes written: our probes for LINE */
    @Benchmark
    public long line() {
        return instrumentAll(LINE);
    }

    private long instrumentAll(EventSet events) {
        Control control = RewriteCost.freshControl();
        long bytes = 0;
        for (byte[] c : classes) {
            bytes += OfflineRewrite.rewrite(control, c, events.mask(), name -> !JdkPackages.contains(name)).length;
        }
        return bytes;
    }

    /**
     * @return bytes written by JaCoCo's instrumenter
     * @throws IOException never: the classes are valid
     */
    @Benchmark
    public long jacoco() throws IOException {
        long bytes = 0;
        for (byte[] c : classes) {
            bytes += jacoco.instrument(c, "javac").length;
        }
        return bytes;
    }
}
