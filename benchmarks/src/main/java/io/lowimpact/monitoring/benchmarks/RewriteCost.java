package io.lowimpact.monitoring.benchmarks;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.core.internal.Control;
import io.lowimpact.monitoring.core.internal.JdkPackages;
import io.lowimpact.monitoring.instrument.internal.OfflineRewrite;

import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.OfflineInstrumentationAccessGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The deterministic half of {@link InstrumentBenchmark}: what one pass of our rewrite over javac's classes allocates,
 * and a hash of what it writes, so that a change to the rewrite can show that it writes the same bytes for less.
 *
 * <p>Input: the classes of {@code InstrumentBenchmark} (every class of {@code jdk.compiler} under
 * {@code com/sun/tools/javac}, from the {@code jrt:} file system, in path order). In a fresh JVM it first makes one
 * pass per hashed event set, in this order, and prints the SHA-256 over every output class (its index, length and
 * bytes): line+branch coverage (LINE, BRANCH_LEFT, BRANCH_RIGHT, the events of the real-workload benchmark's
 * coverage tool), the profiler's six events (METHOD_START, METHOD_RETURN, METHOD_UNWIND, CALL, EXTERNAL_RETURN,
 * EXTERNAL_RAISE) and every event. Then it makes {@code --passes} passes with line+branch coverage's events and as
 * many with JaCoCo's offline instrumenter, and prints for each the bytes the thread allocated
 * ({@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes}) and the thread's CPU time (hashing included in the
 * hashed passes' time, not in their allocation).
 *
 * <p>Each pass rewrites as {@code OfflineInstrumenter.instrument} does (the class file check, the analysis, the units
 * registered, the rewrite), but into a fresh core of its own: class ids are dense per core and baked into the
 * probes, so every pass writes the same bytes; and the core's class table, copied at each registration, would
 * otherwise make each pass allocate more than the one before (about 10 MB a pass here).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.lowimpact.monitoring.benchmarks.RewriteCost [--passes N]
 *     [--per-class FILE] [--no-jacoco] [--no-hash]
 * </pre>
 * {@code --per-class} writes each hashed pass's label, each class's path and its output hash, to find the class
 * whose bytes changed; {@code --no-hash} leaves out the hashed passes (for a profile of line+branch alone).
 */
public final class RewriteCost {

    static final EventSet LINE_BRANCH = EventSet.of(Event.LINE, Event.BRANCH_LEFT, Event.BRANCH_RIGHT);
    static final EventSet PROFILER = EventSet.of(Event.METHOD_START, Event.METHOD_RETURN, Event.METHOD_UNWIND,
            Event.CALL, Event.EXTERNAL_RETURN, Event.EXTERNAL_RAISE);

    static final Predicate<String> INSTRUMENTED = name -> !JdkPackages.contains(name);

    private final List<String> names = new ArrayList<>();
    private final List<byte[]> classes = new ArrayList<>();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private RewriteCost() throws IOException {
        read(names, classes);
    }

    /**
     * @return the input: every class file of {@code jdk.compiler} under {@code com/sun/tools/javac}, in path order
     * @throws IOException if the {@code jrt:} file system cannot be read
     */
    static List<byte[]> javacClasses() throws IOException {
        List<byte[]> classFiles = new ArrayList<>();
        read(new ArrayList<>(), classFiles);
        return classFiles;
    }

    private static void read(List<String> names, List<byte[]> classes) throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        try (Stream<Path> files = Files.walk(jrt.getPath("/modules/jdk.compiler/com/sun/tools/javac"))) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (file.toString().endsWith(".class")) {
                    names.add(file.toString());
                    classes.add(Files.readAllBytes(file));
                }
            }
        }
    }

    /**
     * @param args {@code [--passes N] [--per-class FILE] [--no-jacoco] [--no-hash]}
     * @throws Exception if javac's classes cannot be read or instrumented
     */
    public static void main(String[] args) throws Exception {
        int passes = 10;
        Path perClass = null;
        boolean jacoco = true;
        boolean hash = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--per-class" -> perClass = Paths.get(args[++i]);
                case "--no-jacoco" -> jacoco = false;
                case "--no-hash" -> hash = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        new RewriteCost().run(passes, perClass, jacoco, hash);
    }

    private void run(int passes, Path perClass, boolean jacoco, boolean hash) throws Exception {
        long inputBytes = 0;
        for (byte[] c : classes) {
            inputBytes += c.length;
        }
        System.out.printf(Locale.ROOT, "%d classes, %d bytes; %s %s%n", classes.size(), inputBytes,
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"));
        if (hash) {
            try (PrintWriter out = perClass == null ? null : new PrintWriter(Files.newBufferedWriter(perClass))) {
                hashPass("line+branch", LINE_BRANCH, out);
                hashPass("profiler", PROFILER, out);
                hashPass("all", EventSet.ALL, out);
            }
        }
        long[] ours = new long[passes];
        long[] ourTimes = new long[passes];
        for (int p = 0; p < passes; p++) {
            long t0 = cpu();
            long a0 = allocated();
            Control control = freshControl();
            for (byte[] c : classes) {
                OfflineRewrite.rewrite(control, c, LINE_BRANCH.mask(), INSTRUMENTED);
            }
            ours[p] = allocated() - a0;
            ourTimes[p] = cpu() - t0;
            System.out.printf(Locale.ROOT, "line+branch pass %d: %d bytes allocated, %.0f ms of CPU%n", p + 1,
                    ours[p], ourTimes[p] / 1e6);
        }
        summary("ours, line+branch", ours, ourTimes);
        if (jacoco) {
            Instrumenter instrumenter = new Instrumenter(new OfflineInstrumentationAccessGenerator());
            long[] theirs = new long[passes];
            long[] theirTimes = new long[passes];
            for (int p = 0; p < passes; p++) {
                long t0 = cpu();
                long a0 = allocated();
                for (byte[] c : classes) {
                    instrumenter.instrument(c, "javac");
                }
                theirs[p] = allocated() - a0;
                theirTimes[p] = cpu() - t0;
            }
            summary("JaCoCo", theirs, theirTimes);
        }
    }

    private void hashPass(String label, EventSet events, PrintWriter out) throws Exception {
        MessageDigest all = MessageDigest.getInstance("SHA-256");
        long outputBytes = 0;
        long t0 = cpu();
        long a0 = allocated();
        long hashing = 0;
        Control control = freshControl();
        for (int i = 0; i < classes.size(); i++) {
            byte[] result = OfflineRewrite.rewrite(control, classes.get(i), events.mask(), INSTRUMENTED);
            long h0 = allocated();
            outputBytes += result.length;
            all.update(intBytes(i));
            all.update(intBytes(result.length));
            all.update(result);
            if (out != null) {
                out.println(label + " " + names.get(i) + " " + HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(result)));
            }
            hashing += allocated() - h0;
        }
        long bytes = allocated() - a0 - hashing;
        long time = cpu() - t0;
        System.out.printf(Locale.ROOT, "%s: sha256 %s, %d bytes written, %.1f MB allocated, %.0f ms of CPU%n",
                label, HexFormat.of().formatHex(all.digest()), outputBytes, bytes / 1e6, time / 1e6);
    }

    private void summary(String label, long[] bytes, long[] times) {
        System.out.printf(Locale.ROOT, "%s: allocated per pass (passes 2-%d) median %.1f MB, min %.1f, max %.1f; "
                + "CPU time median %.0f ms, min %.0f%n", label, bytes.length, median(bytes) / 1e6, min(bytes) / 1e6,
                max(bytes) / 1e6, median(times) / 1e6, min(times) / 1e6);
    }

    /** A core of a pass's own (the constructor is private: a JVM has one, {@link Control#INSTANCE}). */
    static Control freshControl() {
        try {
            Constructor<Control> constructor = Control.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a core", e);
        }
    }

    /** The thread's CPU time, ns: less disturbed than wall time by other work on the machine. */
    private long cpu() {
        return threads.getCurrentThreadCpuTime();
    }

    private long allocated() {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static long[] tail(long[] values) {
        return values.length > 1 ? Arrays.copyOfRange(values, 1, values.length) : values;
    }

    private static double median(long[] values) {
        long[] sorted = tail(values).clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static long min(long[] values) {
        return Arrays.stream(tail(values)).min().orElse(0);
    }

    private static long max(long[] values) {
        return Arrays.stream(tail(values)).max().orElse(0);
    }
}
