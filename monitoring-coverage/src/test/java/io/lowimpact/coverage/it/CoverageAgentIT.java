package io.lowimpact.coverage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.app.Main;
import example.app.RunSample;
import example.selfcheck.SelfMain;

import io.lowimpact.coverage.CoverageData;
import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * End to end, in fresh JVMs: a program run unchanged under the monitoring agent and the coverage agent writes a
 * data file at exit; the report command line (run from the coverage agent jar) turns it into XML, LCOV and HTML.
 */
class CoverageAgentIT {

    private static final Path OUT = Path.of(System.getProperty("lowimpact.test.out", "target/it-out"));
    private static final String AGENT = System.getProperty("lowimpact.agent.jar");
    private static final String COVERAGE_AGENT = System.getProperty("lowimpact.coverage.agent.jar");
    private static final String JAVA = ChildJvm.JAVA;

    @Test
    void recordAnUnchangedProgramAndReportIt() throws Exception {
        Path dir = fresh("plain");
        Path classes = appClasses(dir);
        Path data = dir.resolve("shop.cov");
        String out = java(dir, List.of("-javaagent:" + AGENT + "=include=example.app.**",
                "-javaagent:" + COVERAGE_AGENT + "=out=" + data), classes.toString(), Main.class.getName());
        assertTrue(out.contains("sold: true false"), out);
        // Twice: the second JVM's data is merged into the same file.
        java(dir, List.of("-javaagent:" + AGENT + "=include=example.app.**",
                "-javaagent:" + COVERAGE_AGENT + "=out=" + data), classes.toString(), Main.class.getName());

        Path xml = dir.resolve("report/coverage.xml");
        String report = java(dir, List.of(), COVERAGE_AGENT, "io.lowimpact.coverage.Report", "--data", data.toString(),
                "--classes", classes.toString(), "--sources", Path.of("src/test/java").toAbsolutePath().toString(),
                "--xml", xml.toString(), "--lcov", dir.resolve("report/lcov.info").toString(),
                "--html", dir.resolve("report/html").toString(), "--name", "shop");
        assertTrue(report.contains("XML report: " + xml), report);
        String text = Files.readString(xml);
        // Shop: lines 9 (and the constructor's 8, 10), 13, 14, 16, 17 reached; restock's 21, 22 not.
        assertEquals("BRANCH 1/3, LINE 2/7, COMPLEXITY 2/3, METHOD 1/2, CLASS 0/1",
                counters(text, "class", "example/app/Shop"));
        assertTrue(text.contains("<sessioninfo id="), text);
        assertEquals(2, count(text, "<sessioninfo "));
        String lcov = Files.readString(dir.resolve("report/lcov.info"));
        // Without counts a hit counts 1 per JVM: the two runs make 2.
        assertTrue(lcov.contains("DA:13,2\nDA:14,2\nDA:16,2\nDA:17,2\nDA:21,0\nDA:22,0\n"), lcov);
        assertTrue(Files.readString(dir.resolve("report/html/src/example/app/Shop.java.html"))
                .contains("<tr id=\"L13\" class=\"partly\">"));
    }

    @Test
    void recordPerTestContextsOfJUnitTestsWithoutAnyCodeChange() throws Exception {
        Path dir = fresh("contexts");
        Path classes = appClasses(dir);
        Path data = dir.resolve("tests.cov");
        List<String> classPath = new ArrayList<>(List.of(classes.toString()));
        for (String type : new String[] {"org.junit.platform.launcher.core.LauncherFactory",
                "org.junit.platform.engine.TestEngine", "org.junit.platform.commons.util.ReflectionUtils",
                "org.junit.jupiter.api.Test", "org.junit.jupiter.engine.JupiterTestEngine",
                "org.opentest4j.AssertionFailedError", "org.apiguardian.api.API"}) {
            classPath.add(Path.of(Class.forName(type).getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString());
        }
        String out = java(dir, List.of("-javaagent:" + AGENT + "=include=example.app.Shop*",
                "-javaagent:" + COVERAGE_AGENT + "=out=" + data + ",contexts=true"),
                String.join(File.pathSeparator, classPath), RunSample.class.getName());
        assertTrue(out.contains("tests succeeded: 3"), out);

        Path html = dir.resolve("html");
        java(dir, List.of(), COVERAGE_AGENT, "io.lowimpact.coverage.Report", "--data", data.toString(),
                "--classes", classes.toString(), "--sources", Path.of("src/test/java").toAbsolutePath().toString(),
                "--html", html.toString());
        String page = Files.readString(html.resolve("src/example/app/Shop.java.html"));
        String sample = "example.app.ShopSample#";
        assertTrue(page.contains("tests: " + sample + "refusesTooMuch(), " + sample + "restocks(), " + sample
                + "sells()"), page); // line 9: every test builds a Shop
        assertTrue(page.contains("<td class=\"note\"><span class=\"tests\">tests: " + sample
                + "refusesTooMuch()</span></td>"), page); // line 14
        assertTrue(page.contains("<td class=\"note\"><span class=\"tests\">tests: " + sample
                + "restocks()</span></td>"), page); // lines 21, 22
    }

    /**
     * The coverage tool measured by a second tool while it records a target (the seed's "measures itself"): tool
     * A (the coverage agent, id 1) records {@code example.app}; tool B ({@link SelfMain}, id 3, on the public API)
     * records the lines of A's own classes, which the monitoring agent instruments like any included class (A's
     * recorder itself skips its own package). A's report must be exactly what it is without B; B must see A's
     * recorder and data-file code run; A's per-context restarts must not re-enable B's DISABLEd lines.
     */
    @Test
    void theCoverageToolMeasuredByASecondToolKeepsItsReportAndShowsItsOwnLines() throws Exception {
        Path dir = fresh("self");
        Path classes = appClasses(dir, "example/selfcheck");
        String agents = "-javaagent:" + AGENT + "=include=example.app.**:io.lowimpact.coverage.**";
        List<String> xml = new ArrayList<>();
        for (String run : new String[] {"alone", "measured"}) {
            Path data = dir.resolve(run + ".cov");
            String out = java(dir, List.of(agents, "-javaagent:" + COVERAGE_AGENT + "=out=" + data + ",contexts=true"),
                    classes.toString(), SelfMain.class.getName(),
                    run.equals("alone") ? "-" : dir.resolve("b.txt").toString(), data.toString());
            assertTrue(out.contains("sold: true false\nsold: true false\nrestocked: 3"), out);
            Path report = dir.resolve(run + ".xml");
            java(dir, List.of(), COVERAGE_AGENT, "io.lowimpact.coverage.Report", "--data", data.toString(),
                    "--classes", classes.resolve("example/app").toString(), "--xml", report.toString());
            xml.add(Files.readString(report).replaceAll("<sessioninfo [^>]*/>", ""));
            assertEquals(Set.of("example.app.Main", "example.app.Shop"), CoverageData.read(data).classNames());
        }
        assertEquals(xml.get(0), xml.get(1), "A's report with B measuring A differs from A's report alone");
        // Both sells and the restock: all 9 lines (8-10, 13, 14, 16, 17, 21, 22); of line 13's 4 edges only
        // "n <= 0" true is missed; complexity 3 methods + 2 branches, 1 missed.
        assertEquals("BRANCH 1/3, LINE 0/9, COMPLEXITY 1/4, METHOD 0/3, CLASS 0/1",
                counters(xml.get(0), "class", "example/app/Shop"));

        Map<String, Map<String, Integer>> seen = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("b.txt"))) {
            String[] f = line.split(" ");
            seen.computeIfAbsent(f[0], k -> new TreeMap<>()).put(f[1] + ":" + f[2], Integer.parseInt(f[3]));
        }
        Map<String, Integer> first = seen.get("first");
        Path sources = Path.of("src/main/java/io/lowimpact/coverage");
        String recorder = "io.lowimpact.coverage.internal.runtime.Recorder:";
        String unitHits = "io.lowimpact.coverage.internal.runtime.UnitHits:";
        // A's LINE callback, its context switch with its restart, the per-unit hit marks: run in the first context.
        for (String covered : new String[] {
            recorder + lineOf(sources.resolve("internal/runtime/Recorder.java"), "hits.hitLine(index);"),
            recorder + lineOf(sources.resolve("internal/runtime/Recorder.java"), "tool.restartEvents();"),
            unitHits + lineOf(sources.resolve("internal/runtime/UnitHits.java"), "lineHits.lazySet(index, 1);"),
            unitHits + lineOf(sources.resolve("internal/runtime/UnitHits.java"), "edgeHits.lazySet(index, 1);")}) {
            assertEquals(1, first.get(covered), covered + " in " + first);
        }
        // The second context restarted A's events and ran the same code of A again: B, which DISABLEd each location
        // at its first event, saw none of it again (B's events are B's alone).
        assertEquals(first, seen.get("second"));
        // The dump through the API, at the end.
        String append = "io.lowimpact.coverage.internal.data.DataFiles:"
                + lineOf(sources.resolve("internal/data/DataFiles.java"), "FileLock lock = channel.lock();");
        assertEquals(null, first.get(append));
        assertEquals(1, seen.get("end").get(append), () -> append + " in " + seen.get("end"));
    }

    @Test
    void refuseToStartWithoutTheMonitoringAgent() throws Exception {
        Path dir = fresh("alone");
        Path classes = appClasses(dir);
        ChildJvm.Result r = ChildJvm.run(JAVA, 60, dir, "-javaagent:" + COVERAGE_AGENT, "-cp", classes.toString(),
                Main.class.getName());
        assertTrue(r.exitCode != 0, r::toString);
        assertTrue(r.err.contains("the coverage agent needs the monitoring agent before it on the command line"),
                r::toString);
    }

    @Test
    void refuseAnUnknownOption() throws Exception {
        Path dir = fresh("option");
        ChildJvm.Result r = ChildJvm.run(JAVA, 60, dir, "-javaagent:" + AGENT, "-javaagent:" + COVERAGE_AGENT
                + "=outt=x", "-cp", appClasses(dir).toString(), Main.class.getName());
        assertTrue(r.exitCode != 0, r::toString);
        assertTrue(r.err.contains("unknown coverage agent option 'outt' (known: out, contexts, counts)"), r::toString);
    }

    private static Path fresh(String name) throws Exception {
        Path dir = OUT.resolve(name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    /** @return a directory with the example.app classes alone (and those of the other packages given) */
    private static Path appClasses(Path dir, String... more) throws Exception {
        Path from = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path to = dir.resolve("classes");
        List<String> packages = new ArrayList<>(List.of("example/app"));
        packages.addAll(List.of(more));
        for (String pkg : packages) {
            try (var files = Files.list(from.resolve(pkg))) {
                for (Path f : files.toList()) {
                    Path target = to.resolve(pkg).resolve(f.getFileName().toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    private static String java(Path dir, List<String> options, String classPath, String main, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("-Xshare:off"));
        command.addAll(options);
        command.addAll(List.of("-cp", classPath, main));
        command.addAll(List.of(args));
        return ChildJvm.run(JAVA, 120, dir, command.toArray(new String[0])).assertSuccess().out;
    }

    private static String counters(String xml, String tag, String name) {
        int at = xml.indexOf("<" + tag + " name=\"" + name + "\"");
        assertTrue(at >= 0, "no " + tag + " " + name + " in " + xml);
        int end = xml.indexOf("</" + tag + ">", at);
        String element = xml.substring(at, end);
        // The class's own counters follow its last method.
        String own = element.substring(element.lastIndexOf("</method>") + "</method>".length());
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<counter type=\"(\\w+)\" missed=\"(\\d+)\" covered=\"(\\d+)\"/>").matcher(own);
        while (m.find()) {
            out.add(m.group(1) + " " + m.group(2) + "/" + m.group(3));
        }
        return String.join(", ", out);
    }

    /** @return the number of the only line of {@code file} that contains {@code text} */
    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                assertEquals(-1, found, "twice in " + file + ": " + text);
                found = i + 1;
            }
        }
        assertTrue(found > 0, "not in " + file + ": " + text);
        return found;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
