package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.instrument.reliability.Reports;
import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * design.md R2 (run with {@code -Preliability}): commons-lang3's own test suite (its {@code tests} jar and test
 * dependencies from Maven Central, run by the JUnit Platform console launcher) gives the same results without
 * the agent, under the agent with every event on and no-op callbacks, and with LINE+BRANCH coverage (DISABLE
 * after the first hit), on this JDK and on every other JDK named by {@code lowimpact.reliability.jdks} (default:
 * temurin-25 if installed). "The same" is the summary counts and the set of failed tests, exactly. A second
 * program ({@code programs/sameness}) checks what reflection, serialization and {@code getResource} see of
 * commons-lang3's classes, and the stack traces of its exceptions.
 */
@Tag("reliability")
class ThirdPartySuiteIT {

    /** What commons-lang3's build passes to its tests on Java 9 and later (reflection into java.base). */
    private static final List<String> OPENS = Stream.of("java.lang", "java.util", "java.lang.reflect", "java.text",
            "java.time", "java.util.concurrent", "java.io", "java.lang.invoke", "java.math", "java.net", "java.nio",
            "java.util.regex").flatMap(p -> Stream.of("--add-opens", "java.base/" + p + "=ALL-UNNAMED")).toList();

    /**
     * The console launcher's selection, options separated by blanks. By default four of commons-lang3's packages
     * (708 tests), so that the six runs stay within minutes on two cores; the whole suite (9,383 tests) is
     * {@code --select-package=org.apache.commons.lang3}.
     */
    private static final String SELECT = System.getProperty("lowimpact.reliability.suite.select",
            "--select-package=org.apache.commons.lang3.math --select-package=org.apache.commons.lang3.text"
                    + " --select-package=org.apache.commons.lang3.tuple"
                    + " --select-package=org.apache.commons.lang3.mutable");

    private static final long TIMEOUT_SECONDS = 3600;

    /** How many runs at a time: {@code lowimpact.reliability.threads}, by default one per core. */
    static final int THREADS = Integer.getInteger("lowimpact.reliability.threads",
            Runtime.getRuntime().availableProcessors());

    private static final Pattern SUMMARY = Pattern.compile("(?m)^\\[\\s*(\\d+) (\\w+ \\w+)\\s*\\]$");
    private static final Pattern FAILED = Pattern.compile("(?m)^  (JUnit \\w+:.*)$");

    @TempDir
    Path tmp;

    /** Java homes to run on: this JDK first. */
    static List<Path> javaHomes() {
        List<Path> homes = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        String others = System.getProperty("lowimpact.reliability.jdks", "/usr/lib/jvm/temurin-25-jdk-amd64");
        for (String home : others.split(File.pathSeparator)) {
            if (!home.isBlank() && Files.isExecutable(Path.of(home, "bin", "java"))) {
                homes.add(Path.of(home));
            }
        }
        return homes;
    }

    static String java(Path home) {
        return home.resolve("bin").resolve("java").toString();
    }

    private static String suiteClassPath() throws IOException {
        try (Stream<Path> jars = Files.list(Reports.dir().resolve("suite"))) {
            return jars.map(Path::toString).sorted().collect(Collectors.joining(File.pathSeparator));
        }
    }

    /** Runs ToolsMain in one mode with the given main class and arguments, with the agent unless mode is none. */
    private ChildJvm.Result underTool(Path home, Path classes, String mode, String include, List<String> vmArgs,
            String... mainAndArgs) throws Exception {
        return underTool(home, tmp, classes, mode, include, vmArgs, mainAndArgs);
    }

    /** As {@link #underTool(Path, Path, String, String, List, String...)}, in the working directory {@code dir}. */
    private ChildJvm.Result underTool(Path home, Path dir, Path classes, String mode, String include,
            List<String> vmArgs, String... mainAndArgs) throws Exception {
        List<String> args = new ArrayList<>(vmArgs);
        if (!mode.equals("none")) {
            args.add("-javaagent:" + Programs.AGENT_JAR + "=include=" + include);
        }
        args.addAll(List.of("-Xshare:off", "-cp", Programs.AGENT_JAR + File.pathSeparator + classes, "ToolsMain",
                mode));
        args.addAll(List.of(mainAndArgs));
        long start = System.nanoTime();
        ChildJvm.Result r = ChildJvm.run(java(home), TIMEOUT_SECONDS, dir, args.toArray(new String[0]));
        System.out.printf("%s %s: %d s%n", home.getFileName(), mode, (System.nanoTime() - start) / 1_000_000_000L);
        if (!mode.equals("none")) {
            Matcher events = Pattern.compile("lowimpact events: (\\d+), tool errors: (\\d+)").matcher(r.err);
            assertTrue(events.find() && Long.parseLong(events.group(1)) > 0, () -> mode + ": no event seen\n" + r);
            assertEquals("0", events.group(2), () -> mode + ": callbacks failed\n" + r);
        }
        return r;
    }

    @Test
    void r2_commonsLang3SuitePassesIdenticallyWithEveryEventAndWithCoverage() throws Exception {
        Path classes = Programs.compile("suite", tmp.resolve("classes"));
        Path launcher = Reports.dir().resolve("tools/junit-platform-console-standalone-1.14.1.jar");
        String cp = launcher + File.pathSeparator + classes;
        StringBuilder md = new StringBuilder("| JDK | mode | time | tests successful | failed | skipped | "
                + "same as without the agent |\n|---|---|---:|---:|---:|---:|---|\n");
        List<String> differences = new ArrayList<>();
        // The runs are separate JVMs, each in its own directory, whose results do not depend on timing: they run
        // THREADS at a time (one per core by default), and are compared in order afterwards.
        List<Path> homes = javaHomes();
        List<String> modes = List.of("none", "all", "coverage");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Run>> runs = new ArrayList<>();
        try {
            for (Path home : homes) {
                for (String mode : modes) {
                    runs.add(pool.submit(() -> suite(home, mode, cp)));
                }
            }
            int next = 0;
            for (Path home : homes) {
                Map<String, String> baseline = null;
                for (String mode : modes) {
                    Run run = runs.get(next++).get();
                    Map<String, String> result = run.result;
                    boolean same = baseline == null || baseline.equals(result);
                    if (baseline == null) {
                        baseline = result;
                    } else if (!same) {
                        differences.add(home.getFileName() + " " + mode + ": " + diff(baseline, result));
                    }
                    md.append("| ").append(home.getFileName()).append(" | ").append(mode).append(" | ")
                            .append(run.seconds).append(" s | ").append(result.get("tests successful"))
                            .append(" | ").append(result.get("tests failed")).append(" | ")
                            .append(result.get("tests skipped")).append(" | ").append(same ? "yes" : "**no**")
                            .append(" |\n");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        md.append("\nRuns ").append(THREADS).append(" at a time (`lowimpact.reliability.threads`).");
        md.append("\nSelection: `").append(SELECT).append("`. Differences: ").append(differences.isEmpty() ? "none"
                : String.join("; ", differences)).append(".\n");
        Reports.write("suite", md.toString());
        assertEquals(List.of(), differences, md::toString);
    }

    /** One run of the suite: its summary and failed tests, and its wall time. */
    private record Run(Map<String, String> result, long seconds) {
    }

    private Run suite(Path home, String mode, String cp) throws Exception {
        long start = System.nanoTime();
        List<String> console = new ArrayList<>(List.of("org.junit.platform.console.ConsoleLauncher", "execute",
                "--disable-banner", "--details=summary", "--disable-ansi-colors", "-cp", suiteClassPath()));
        console.addAll(List.of(SELECT.trim().split("\\s+")));
        Path dir = Files.createDirectories(tmp.resolve("run-" + home.getFileName() + "-" + mode));
        ChildJvm.Result r = underTool(home, dir, Path.of(cp), mode, "org.apache.commons.lang3.**", OPENS,
                console.toArray(new String[0]));
        Map<String, String> result = results(r.out);
        assertTrue(result.containsKey("tests found"), r::toString);
        return new Run(result, (System.nanoTime() - start) / 1_000_000_000L);
    }

    @Test
    void r2_reflectionSerializationResourcesAndStackTracesAreUnchanged() throws Exception {
        Path classes = Programs.compile("sameness", tmp.resolve("classes"));
        Programs.compile("suite", classes);
        String lang3 = Reports.dir().resolve("suite/commons-lang3-3.14.0.jar").toString();
        String cp = classes + File.pathSeparator + lang3;
        for (Path home : javaHomes()) {
            String[] program = {"Main", lang3, "org.apache.commons.lang3.Validate#notNull",
                "org.apache.commons.lang3.StringUtils#getDigits", "org.apache.commons.lang3.ArrayUtils#toPrimitive",
                "org.apache.commons.lang3.SerializationUtils#clone"};
            String without = underTool(home, Path.of(cp), "none", "", List.of(), program).assertSuccess().out;
            String with = underTool(home, Path.of(cp), "all", "org.apache.commons.lang3.**", List.of(), program)
                    .assertSuccess().out;
            assertTrue(without.contains(" suid=") && without.contains(".java:"), without);
            assertEquals(without, with, home.toString());
        }
    }

    /** The summary counts and the failed tests of a console launcher run. */
    private static Map<String, String> results(String out) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher m = SUMMARY.matcher(out);
        while (m.find()) {
            result.put(m.group(2), m.group(1));
        }
        TreeSet<String> failed = new TreeSet<>();
        Matcher f = FAILED.matcher(out);
        while (f.find()) {
            failed.add(f.group(1));
        }
        result.put("failed tests", String.join("\n", failed));
        return result;
    }

    private static String diff(Map<String, String> a, Map<String, String> b) {
        StringBuilder s = new StringBuilder();
        for (String key : a.keySet()) {
            if (!a.get(key).equals(b.get(key))) {
                if (key.equals("failed tests")) {
                    TreeSet<String> only = new TreeSet<>(List.of(b.get(key).split("\n")));
                    only.removeAll(List.of(a.get(key).split("\n")));
                    TreeSet<String> gone = new TreeSet<>(List.of(a.get(key).split("\n")));
                    gone.removeAll(List.of(b.get(key).split("\n")));
                    s.append("newly failed ").append(only).append(", no longer failed ").append(gone).append(' ');
                } else {
                    s.append(key).append(' ').append(a.get(key)).append(" -> ").append(b.get(key)).append(' ');
                }
            }
        }
        return s.toString().trim();
    }
}
