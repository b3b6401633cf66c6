package io.lowimpact.coverage.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lowimpact.coverage.CoverageOptions;
import io.lowimpact.coverage.Targets;
import io.lowimpact.coverage.internal.data.DataSet;
import example.targets.Basics;
import example.targets.NeverLoaded;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The HTML report in a real browser: headless Chromium renders it (a screenshot is left in
 * {@code target/test-out/html-report.png} to look at), and the summary numbers of the rendered DOM match the XML
 * report's counters. Chromium must be installed ({@code apt-get install -y chromium}; {@code .ci/run} does it):
 * without it this test fails, it is never skipped.
 */
class HtmlInBrowserTest {

    private static final Path OUT = Path.of(System.getProperty("lowimpact.test.out", "target/test-out"), "browser");

    @Test
    void showTheXmlNumbersInChromium() throws Exception {
        String chromium = chromium();
        DataSet data = Fixtures.record(Basics.class, CoverageOptions.defaults().withContexts(true), basics -> {
            io.lowimpact.coverage.Coverage.running().orElseThrow().switchContext("BasicsTest#loop()");
            Targets.call(basics, "classify", 3);
            io.lowimpact.coverage.Coverage.running().orElseThrow().switchContext("BasicsTest#negative()");
            Targets.call(basics, "classify", -1);
        });
        deleteTree(OUT);
        Bundle bundle = Analyzer.analyze("browser", data, List.of(Fixtures.classes(OUT.resolve("classes"),
                Basics.class, NeverLoaded.class)));
        Path html = OUT.resolve("html");
        HtmlReport.write(bundle, List.of(Fixtures.SOURCES), html);
        Document xml = ReportsTest.parseValidating(XmlReport.render(bundle));

        String index = run(chromium, "--dump-dom", html.resolve("index.html"));
        assertTrue(index.contains("<h1>browser</h1>"), index);
        for (String type : new String[] {"LINE", "BRANCH", "METHOD", "CLASS", "COMPLEXITY"}) {
            assertEquals(xmlCounter(xml.getDocumentElement(), type), domCounter(index, "total-" + type), type);
            assertEquals(xmlCounter(ReportsTest.element(xml, "class", "example/targets/Basics"), type),
                    domCounter(index, "class-example.targets.Basics-" + type), type);
            assertEquals(xmlCounter(ReportsTest.element(xml, "package", "example/targets"), type),
                    domCounter(index, "pkg-example/targets-" + type), type);
        }

        Path page = html.resolve("src/example/targets/Basics.java.html");
        String source = run(chromium, "--dump-dom", page);
        assertTrue(source.contains("<tr id=\"L10\" class=\"covered\">"), source);
        assertTrue(source.contains("<tr id=\"L21\" class=\"missed\">"), source);
        assertTrue(source.contains("tests: BasicsTest#loop(), BasicsTest#negative()"), source);

        Path png = OUT.resolve("html-report.png");
        run(chromium, "--screenshot=" + png.toAbsolutePath(), page);
        assertTrue(Files.size(png) > 1000, "a screenshot was taken: " + png);
    }

    private static String chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return fail("chromium is not installed, and this test needs it to render the HTML report:"
                + " apt-get update && apt-get install -y chromium (.ci/run installs it)");
    }

    private static String run(String chromium, String what, Path file) throws Exception {
        Path profile = Files.createTempDirectory("lowimpact-chromium");
        try {
            List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--user-data-dir=" + profile, "--window-size=1100,900", what, file.toUri().toString()));
            Path stdout = profile.resolve("stdout.txt");
            Path stderr = profile.resolve("stderr.txt");
            Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("chromium did not finish in 120 s: " + command);
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), () -> "chromium failed: " + command + "\n" + readQuietly(stderr));
            return out;
        } finally {
            deleteTree(profile);
        }
    }

    private static String xmlCounter(org.w3c.dom.Element e, String type) {
        for (String c : ReportsTest.counters(e).split(", ")) {
            if (c.startsWith(type + " ")) {
                return c.substring(type.length() + 1);
            }
        }
        return "0/0";
    }

    private static String domCounter(String dom, String id) {
        Matcher m = Pattern.compile("<td id=\"" + Pattern.quote(id) + "\" data-missed=\"(\\d+)\" data-covered=\"(\\d+)\">"
                + "(\\d+) of (\\d+) ").matcher(dom);
        assertTrue(m.find(), "no cell " + id + " in the rendered page");
        int missed = Integer.parseInt(m.group(1));
        int covered = Integer.parseInt(m.group(2));
        assertEquals(covered, Integer.parseInt(m.group(3)));
        assertEquals(missed + covered, Integer.parseInt(m.group(4)));
        return missed + "/" + covered;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "";
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
