package io.lowimpact.monitoring.benchmarks;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.core.internal.Control;
import io.lowimpact.monitoring.instrument.internal.OfflineRewrite;
import io.lowimpact.monitoring.instrument.internal.analysis.CodeLengths;

import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.OfflineInstrumentationAccessGenerator;
import org.objectweb.asm.ClassReader;

import java.util.List;
import java.util.Locale;

/**
 * How much the probes grow the code of javac's classes (the classes of {@link RewriteCost}): the bytecode of every
 * method, summed, as compiled, under our rewrite for an event set, and under JaCoCo's offline instrumenter; and how
 * many methods each leaves past three limits of HotSpot's compilers, which judge a method by its bytecode's size:
 * 35 bytes ({@code MaxInlineSize}: larger methods are inlined only where hot), 325 bytes ({@code FreqInlineSize}:
 * larger methods are not inlined even where hot) and 8,000 bytes ({@code HugeMethodLimit}: larger methods are not
 * compiled at all, and run interpreted).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.lowimpact.monitoring.benchmarks.CodeGrowth [EVENT,EVENT... ...]
 * </pre>
 *
 * <p>Each argument, if any, is one more event set to rewrite with (event names joined by commas), printed after the
 * fixed ones: what a probe kind adds, told apart.
 */
public final class CodeGrowth {

    private static final int[] LIMITS = {35, 325, 8000};

    private CodeGrowth() {
    }

    /**
     * @param args more event sets, each as event names joined by commas
     * @throws Exception if javac's classes cannot be read or instrumented
     */
    public static void main(String[] args) throws Exception {
        List<byte[]> classes = RewriteCost.javacClasses();
        Totals original = new Totals();
        classes.forEach(original::add);
        original.print("as compiled", original.bytes);
        rewritten(classes, RewriteCost.LINE_BRANCH).print("ours, line+branch", original.bytes);
        rewritten(classes, EventSet.of(Event.LINE)).print("ours, line", original.bytes);
        int lineBranch = RewriteCost.LINE_BRANCH.mask();
        rewritten(classes, lineBranch | lineBranch << Control.DEFERRED_SHIFT).print("ours, l+b deferred",
                original.bytes);
        rewritten(classes, RewriteCost.PROFILER).print("ours, profiler", original.bytes);
        Instrumenter jacoco = new Instrumenter(new OfflineInstrumentationAccessGenerator());
        Totals theirs = new Totals();
        for (byte[] c : classes) {
            theirs.add(jacoco.instrument(c, "javac"));
        }
        theirs.print("JaCoCo", original.bytes);
        for (String set : args) {
            EventSet events = EventSet.of();
            for (String name : set.split(",")) {
                events = events.with(named(name.trim()));
            }
            rewritten(classes, events).print(set, original.bytes);
        }
    }

    private static Event<?> named(String name) {
        for (Event<?> e : Event.values()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no event " + name + "; events: " + Event.values());
    }

    private static Totals rewritten(List<byte[]> classes, EventSet events) {
        return rewritten(classes, events.mask());
    }

    /**
     * @param mask an event mask, with the events whose probes are stores (deferred by every tool that wants them)
     *        also shifted left by {@link Control#DEFERRED_SHIFT}, as a method's demand has them
     */
    private static Totals rewritten(List<byte[]> classes, int mask) {
        Control control = RewriteCost.freshControl();
        Totals t = new Totals();
        for (byte[] c : classes) {
            t.add(OfflineRewrite.rewrite(control, c, mask, RewriteCost.INSTRUMENTED));
        }
        return t;
    }

    /** Code bytes and methods past each limit, over the classes added. */
    private static final class Totals {
        long methods;
        long bytes;
        final long[] past = new long[LIMITS.length];

        void add(byte[] classFile) {
            for (int length : CodeLengths.read(new ClassReader(classFile))) {
                if (length < 0) {
                    continue;
                }
                methods++;
                bytes += length;
                for (int i = 0; i < LIMITS.length; i++) {
                    if (length > LIMITS[i]) {
                        past[i]++;
                    }
                }
            }
        }

        void print(String label, long originalBytes) {
            System.out.printf(Locale.ROOT, "%-18s %6d methods, %9d code bytes (%.2f x), past 35: %5d, past 325: %5d,"
                    + " past 8000: %3d%n", label, methods, bytes, bytes / (double) originalBytes, past[0], past[1],
                    past[2]);
        }
    }
}
