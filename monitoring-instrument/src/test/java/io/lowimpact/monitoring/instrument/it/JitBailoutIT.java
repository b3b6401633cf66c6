package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.instrument.reliability.Reports;
import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * design.md R1, the JIT half (run with {@code -Preliability}): the classes of javac ({@code com.sun.tools.javac.**},
 * defined in a fresh loader, see {@code programs/jit/JitMain.java}) with probes for every event must compile
 * under C1 and C2 without a bailout that the original classes lack. HotSpot's WhiteBox API compiles each method
 * at tier 1 and tier 4, one at a time ({@code -XX:-BackgroundCompilation}), and {@code -XX:+PrintCompilation}
 * prints a {@code COMPILE SKIPPED} line for each bailout; the test compares those lines of both runs and writes
 * the difference to {@code jit.md}.
 *
 * <p>It reports rather than fails while the known C1 bailout "exception handler covers itself" is open (the probe
 * rewrite fixes it); {@code -Dlowimpact.reliability.jit.strict=true} makes any new bailout fail the test.
 */
@Tag("reliability")
class JitBailoutIT {

    /** C2 compiles of javac's larger methods take long: C2 gets the first this many methods, C1 all of them. */
    private static final String C2_BUDGET = System.getProperty("lowimpact.reliability.jit.c2budget", "3000");

    @TempDir
    Path tmp;

    @Test
    void r1_instrumentedJavacCompilesWithoutNewBailouts() throws Exception {
        Path classes = Programs.compileWithTestClasses("jit", tmp.resolve("classes"));
        Path whiteBox = tmp.resolve("wb");
        Files.createDirectories(whiteBox.resolve("sun"));
        Files.move(classes.resolve("sun/hotspot"), whiteBox.resolve("sun/hotspot"));
        Map<String, Set<String>> original = new TreeMap<>();
        Map<String, Set<String>> instrumented = new TreeMap<>();
        StringBuilder summaries = new StringBuilder();
        // The original and the instrumented run of a tier are separate JVMs that each compile one method at a time
        // (-XX:-BackgroundCompilation): they run side by side when there are two cores or more.
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(2, ThirdPartySuiteIT.THREADS));
        try {
            for (String tier : new String[] {"1", "4"}) {
                String budget = tier.equals("1") ? "1000000" : C2_BUDGET;
                Future<String> o = pool.submit(() -> run(classes, whiteBox, "original", tier, budget, original));
                Future<String> i = pool.submit(() -> run(classes, whiteBox, "instrumented", tier, budget,
                        instrumented));
                summaries.append(o.get()).append(i.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Integer> newByReason = new TreeMap<>();
        Set<String> newBailouts = new TreeSet<>();
        instrumented.forEach((reason, methods) -> {
            Set<String> added = new TreeSet<>(methods);
            added.removeAll(original.getOrDefault(reason, Set.of()));
            if (!added.isEmpty()) {
                newByReason.put(reason, added.size());
                added.forEach(m -> newBailouts.add(m + ": " + reason));
            }
        });
        StringBuilder md = new StringBuilder("JDK ").append(Runtime.version()).append(", `com.sun.tools.javac.**`, ")
                .append("C1 (tier 1) for every method, C2 (tier 4) for the first ").append(C2_BUDGET)
                .append(":\n\n```\n").append(summaries).append("```\n\n| bailout | original | instrumented | new |\n")
                .append("|---|---:|---:|---:|\n");
        Set<String> reasons = new TreeSet<>(original.keySet());
        reasons.addAll(instrumented.keySet());
        for (String reason : reasons) {
            md.append("| ").append(reason).append(" | ").append(original.getOrDefault(reason, Set.of()).size())
                    .append(" | ").append(instrumented.getOrDefault(reason, Set.of()).size()).append(" | ")
                    .append(newByReason.getOrDefault(reason, 0)).append(" |\n");
        }
        md.append("\nFirst new bailouts:\n\n");
        newBailouts.stream().limit(10).forEach(b -> md.append("- `").append(b).append("`\n"));
        Reports.write("jit", md.toString());
        if (Boolean.getBoolean("lowimpact.reliability.jit.strict")) {
            assertEquals(Set.of(), newBailouts, md::toString);
        }
    }

    /** Runs JitMain once; collects {@code tier N: reason -> methods} and returns its summary line. */
    private String run(Path classes, Path whiteBox, String mode, String tier, String budget,
            Map<String, Set<String>> bailouts) throws Exception {
        ChildJvm.Result r = ChildJvm.run(Programs.JAVA, 1800, tmp, "-XX:+UnlockDiagnosticVMOptions", "-XX:+WhiteBoxAPI",
                "-Xbootclasspath/a:" + whiteBox, "-XX:-BackgroundCompilation", "-XX:+PrintCompilation",
                "-cp", Programs.AGENT_JAR + File.pathSeparator + Programs.TEST_CLASSES + File.pathSeparator + classes,
                "JitMain", mode, tier, budget,
                "/modules/jdk.compiler/com/sun/tools/javac", "com.sun.tools.javac.").assertSuccess();
        String summary = null;
        for (String line : r.out.split("\n")) {
            int skipped = line.indexOf("COMPILE SKIPPED: ");
            if (skipped >= 0) {
                String reason = line.substring(skipped + "COMPILE SKIPPED: ".length())
                        .replace(" (retry at different tier)", "").replace(" (not retryable)", "");
                String method = null;
                for (String token : line.substring(0, skipped).trim().split("\\s+")) {
                    if (token.contains("::")) {
                        method = token;
                    }
                }
                bailouts.computeIfAbsent("tier " + tier + ": " + reason, k -> new TreeSet<>()).add(method);
            } else if (line.startsWith("tier ")) {
                summary = mode + " " + line + "\n";
            }
        }
        assertTrue(summary != null, r::toString);
        return summary;
    }
}
