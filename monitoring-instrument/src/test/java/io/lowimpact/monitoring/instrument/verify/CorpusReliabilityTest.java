package io.lowimpact.monitoring.instrument.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.instrument.reliability.Reports;
import io.lowimpact.monitoring.instrument.testing.DefiningLoader;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * design.md R1 in full (run with {@code -Preliability}): every class of every module of the running JDK and of the
 * corpus jars that the profile copies to {@code target/reliability/corpus}, instrumented with probes for every
 * event through the offline API, passes ASM's checks ({@link ClassCheck}); the jars' classes are also loaded and
 * linked in a fresh loader so that HotSpot verifies them ({@link JvmLink}). JDK classes cannot be defined under
 * their own names ({@code java.*} is refused outside the boot loader, and the others would be a different
 * runtime package than the JDK's own), so for them the ASM check, with the running JDK as class hierarchy, is the
 * whole check. Writes the per-module and per-jar figures to {@code corpus.md} ({@link Reports}).
 */
@Tag("reliability")
class CorpusReliabilityTest {

    private static final int MAX_LISTED = 30;

    /** How many threads check classes: {@code lowimpact.reliability.threads}, by default one per core. */
    private static final int THREADS = Integer.getInteger("lowimpact.reliability.threads",
            Runtime.getRuntime().availableProcessors());
    private static final ForkJoinPool POOL = new ForkJoinPool(THREADS);

    /** Time spent in {@link #checkAll} for the jars (the rest of their time is linking). */
    private static long checkNanos;

    /**
     * Broken classes of the current instrumenter, found by this test and reproduced in {@link KnownDefectsTest}:
     * listed in the report, but only a broken class that is not here fails the test (the safety net for changes of
     * the instrumenter). None since the probe rewrite (docs/reliability.md, "Findings").
     */
    private static final Set<String> KNOWN_BROKEN = Set.of();

    @Test
    void r1_everyClassOfTheJdkAndOfTheCorpusJars() throws IOException {
        long start = System.nanoTime();
        List<Tally> modules = jdkModules();
        long jdkSeconds = (System.nanoTime() - start) / 1_000_000_000L;
        start = System.nanoTime();
        List<Tally> jars = corpusJars();
        long jarSeconds = (System.nanoTime() - start) / 1_000_000_000L;

        StringBuilder md = new StringBuilder();
        md.append("JDK ").append(Runtime.version()).append(", ").append(modules.size()).append(" modules, ")
                .append(jdkSeconds).append(" s on ").append(THREADS).append(" threads:\n\n")
                .append(Tally.header(false));
        modules.forEach(t -> md.append(t.row(false)));
        md.append(Tally.total("**all modules**", modules).row(false));
        md.append("\nCorpus jars, ").append(jarSeconds).append(" s (instrumenting and ASM's check ")
                .append(checkNanos / 1_000_000_000L).append(" s, the rest loading and linking):\n\n")
                .append(Tally.header(true));
        jars.forEach(t -> md.append(t.row(true)));
        md.append(Tally.total("**all jars**", jars).row(true));
        Tally all = Tally.total("all", concat(modules, jars));
        md.append("\nInstrumented classes whose original already fails ASM's check (so the check says nothing): ")
                .append(all.asmNotApplicable).append(".\n");
        appendList(md, "Crashed (the instrumenter threw)", all.crashed);
        appendList(md, "Broken (a check the original passes fails)", all.broken);
        List<String> fixed = KNOWN_BROKEN.stream()
                .filter(k -> all.broken.stream().noneMatch(b -> className(b).equals(k))).sorted().toList();
        if (!fixed.isEmpty()) {
            md.append("\nKnown broken classes that now pass (drop them from KNOWN_BROKEN): ").append(fixed)
                    .append(".\n");
        }
        Reports.write("corpus", md.toString());

        assertTrue(all.instrumented > 20_000, md::toString);
        assertEquals(List.of(), all.crashed.subList(0, Math.min(MAX_LISTED, all.crashed.size())), md::toString);
        List<String> newlyBroken = all.broken.stream()
                .filter(b -> !KNOWN_BROKEN.contains(className(b))).toList();
        assertEquals(List.of(), newlyBroken.subList(0, Math.min(MAX_LISTED, newlyBroken.size())), md::toString);
    }

    private static List<Tally> jdkModules() throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        List<Path> moduleDirs;
        try (Stream<Path> dirs = Files.list(jrt.getPath("/modules"))) {
            moduleDirs = dirs.sorted().toList();
        }
        List<Tally> tallies = new ArrayList<>();
        ClassLoader hierarchy = ClassLoader.getSystemClassLoader();
        for (Path module : moduleDirs) {
            Tally tally = new Tally(module.getFileName().toString());
            List<Path> classFiles;
            try (Stream<Path> files = Files.walk(module)) {
                classFiles = files.filter(p -> p.toString().endsWith(".class") && !isDescriptor(p.toString()))
                        .sorted().toList();
            }
            List<byte[]> bytes = new ArrayList<>();
            for (Path classFile : classFiles) {
                bytes.add(Files.readAllBytes(classFile));
            }
            List<ClassCheck.Outcome> outcomes = checkAll(bytes, hierarchy);
            for (int i = 0; i < classFiles.size(); i++) {
                tally.add(classFiles.get(i).toString(), outcomes.get(i));
            }
            tallies.add(tally);
        }
        return tallies;
    }

    private static List<Tally> corpusJars() throws IOException {
        Path dir = Reports.dir().resolve("corpus");
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        assertTrue(jars.size() >= 10, "the profile copies the corpus jars to " + dir + ": " + jars);
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            urls.add(jar.toUri().toURL());
        }
        List<Tally> tallies = new ArrayList<>();
        try (URLClassLoader originals = new URLClassLoader("corpus", urls.toArray(new URL[0]),
                ClassLoader.getPlatformClassLoader())) {
            for (Path jar : jars) {
                tallies.add(jar(jar, originals));
            }
        }
        return tallies;
    }

    private static Tally jar(Path path, ClassLoader originals) throws IOException {
        Tally tally = new Tally(path.getFileName().toString());
        Map<String, byte[]> instrumented = new LinkedHashMap<>();
        List<String> classNames = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        try (JarFile jar = new JarFile(path.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                String entry = e.nextElement().getName();
                // META-INF/versions/** are the multi-release variants: the base version is the one checked.
                if (!entry.endsWith(".class") || entry.startsWith("META-INF/") || isDescriptor(entry)) {
                    continue;
                }
                bytes.add(jar.getInputStream(jar.getEntry(entry)).readAllBytes());
                classNames.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
            }
        }
        long start = System.nanoTime();
        List<ClassCheck.Outcome> outcomes = checkAll(bytes, originals);
        checkNanos += System.nanoTime() - start;
        for (int i = 0; i < classNames.size(); i++) {
            ClassCheck.Outcome outcome = outcomes.get(i);
            tally.add(classNames.get(i), outcome);
            if (outcome.kind() == ClassCheck.Kind.INSTRUMENTED) {
                instrumented.put(classNames.get(i), outcome.instrumented());
            }
        }
        DefiningLoader loader = new DefiningLoader(instrumented, originals);
        for (String className : instrumented.keySet()) {
            StringBuilder detail = new StringBuilder();
            switch (JvmLink.link(loader, className, detail)) {
                case LINKED -> tally.linked++;
                case UNRESOLVED -> tally.unresolved++;
                case REFUSED -> {
                    if (JvmLink.link(originals, className, new StringBuilder()) == JvmLink.Result.LINKED) {
                        tally.broken.add(className + " (" + tally.source + "): " + detail);
                    } else {
                        tally.unresolved++;
                    }
                }
            }
        }
        return tally;
    }

    /**
     * {@link ClassCheck#check} of each class, in order, on {@link #THREADS} threads: the instrumenter and ASM's
     * checks share no state between classes but the runtime's registry of code units, which is thread-safe (the
     * agent instruments classes that many threads load at once).
     */
    private static List<ClassCheck.Outcome> checkAll(List<byte[]> classFiles, ClassLoader hierarchy) {
        try {
            return POOL.submit(() -> classFiles.parallelStream().map(b -> ClassCheck.check(b, hierarchy)).toList())
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The class name at the start of an entry of {@link Tally#broken}. */
    private static String className(String broken) {
        return broken.split("[ :]", 2)[0];
    }

    private static boolean isDescriptor(String path) {
        return path.endsWith("module-info.class") || path.endsWith("package-info.class");
    }

    private static List<Tally> concat(List<Tally> a, List<Tally> b) {
        List<Tally> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void appendList(StringBuilder md, String title, List<String> items) {
        md.append("\n").append(title).append(": ").append(items.size()).append(items.isEmpty() ? ".\n" : "\n\n");
        // One line each: a VerifyError's text runs over many lines (its bytecode dump is cut off here).
        items.stream().limit(MAX_LISTED).map(i -> i.replace('`', '\'').replaceAll("\\s+", " "))
                .map(i -> i.length() > 400 ? i.substring(0, 400) + " …" : i)
                .forEach(i -> md.append("- `").append(i).append("`\n"));
        if (items.size() > MAX_LISTED) {
            md.append("- … ").append(items.size() - MAX_LISTED).append(" more\n");
        }
    }
}
