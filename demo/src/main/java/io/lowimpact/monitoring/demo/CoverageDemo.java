package io.lowimpact.monitoring.demo;

import io.lowimpact.coverage.Coverage;
import io.lowimpact.coverage.CoverageData;
import io.lowimpact.coverage.Report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The main job: runs the sample application's JUnit 5 tests ({@code example.tests}, for the classes of
 * {@code example.inventory}) in this JVM with the JUnit Platform Launcher, under the coverage agent with per-test
 * contexts; writes the XML, LCOV and HTML reports into {@code demo/target/coverage/} with the {@link Report} API;
 * prints the lines and branches covered per class (read back from the XML report), the first missed arcs by
 * source line (from the HTML pages) and the report paths. Then the older demo ({@link Demo}) runs, with the
 * coverage recording stopped (tool id 1 free again), to show the monitoring API underneath.
 *
 * <p>Run from the repository's root, after the monitoring agent and the coverage agent, as README's first command
 * does. The coverage agent writes the data file ({@code out=}) at exit; a previous run's file is deleted first, so
 * that it is not merged into.
 */
public final class CoverageDemo {

    /** Where the reports go, relative to the repository's root. */
    static final Path OUT = Path.of("demo", "target", "coverage");
    /** The coverage agent's {@code out=} in README's command. */
    static final Path DATA = OUT.resolve("demo.cov");
    static final Path CLASSES = Path.of("demo", "target", "classes", "example", "inventory");
    static final Path SOURCES = Path.of("demo", "src", "main", "java");
    static final String TESTS = "example.tests";
    private static final int ARCS_SHOWN = 3;
    private static final Pattern ARC = Pattern.compile("<span class=\"arc\">missed: ([^<]*)</span>");

    private CoverageDemo() {
    }

    /**
     * Runs the main job.
     *
     * @param args ignored
     * @throws Exception if the reports cannot be written or read
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Coverage coverage = Coverage.running().orElse(null);
        if (coverage == null || !coverage.options().contexts()) {
            System.err.println("run under -javaagent:monitoring-instrument/target/monitoring-agent.jar=include=example.inventory.**"
                    + " -javaagent:monitoring-coverage/target/lowimpact-coverage-agent.jar=out=" + DATA + ",contexts=true");
            System.exit(2);
        }
        Files.deleteIfExists(DATA);

        out.println("== coverage of the sample application's tests (" + TESTS + ", per-test contexts) ==");
        TestExecutionSummary tests = runTests();
        out.println("tests: " + tests.getTestsFoundCount() + " found, " + tests.getTestsSucceededCount()
                + " passed, " + tests.getTotalFailureCount() + " failed");
        CoverageData data = coverage.snapshot();
        coverage.stop();
        List<String> contexts = new ArrayList<>(data.contexts());
        contexts.sort(null);
        out.println("contexts recorded: " + contexts.size() + " (one per test; the HTML report names, per line,"
                + " the tests that reached it)");
        for (String context : contexts) {
            out.println("  " + context);
        }

        Report report = Report.create("Lowimpact demo: example.inventory", data, List.of(CLASSES), List.of(SOURCES));
        for (String problem : report.problems()) {
            out.println("warning: " + problem);
        }
        Path xml = OUT.resolve("coverage.xml");
        Path lcov = OUT.resolve("lcov.info");
        Path html = OUT.resolve("html");
        report.writeXml(xml);
        report.writeLcov(lcov);
        report.writeHtml(html);

        for (String line : classSummary(xml)) {
            out.println(line);
        }
        List<String> arcs = missedArcs(html);
        out.println("missed arcs: " + arcs.size() + (arcs.size() > ARCS_SHOWN ? ", the first " + ARCS_SHOWN : ""));
        for (String arc : arcs.subList(0, Math.min(ARCS_SHOWN, arcs.size()))) {
            out.println("  " + arc);
        }
        out.println("XML report: " + xml);
        out.println("LCOV report: " + lcov);
        out.println("data file (written at exit by the coverage agent): " + DATA);
        out.println("HTML report: " + html.resolve("index.html"));

        out.println();
        Demo.main(new String[0]);
        if (tests.getTotalFailureCount() > 0) {
            tests.printFailuresTo(new java.io.PrintWriter(System.err, true), 10);
            System.exit(1);
        }
    }

    private static TestExecutionSummary runTests() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage(TESTS))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        // The coverage agent's CoverageContextListener joins through META-INF/services: each test a context.
        launcher.execute(request, summary);
        return summary.getSummary();
    }

    /** @return per class of the XML report (JaCoCo's format): its lines and branches covered */
    static List<String> classSummary(Path xml) throws IOException, ParserConfigurationException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document doc = builder.parse(xml.toFile());
        List<String> lines = new ArrayList<>();
        NodeList classes = doc.getElementsByTagName("class");
        for (int i = 0; i < classes.getLength(); i++) {
            Element c = (Element) classes.item(i);
            lines.add(c.getAttribute("name").replace('/', '.') + ": lines " + counter(c, "LINE")
                    + ", branches " + counter(c, "BRANCH"));
        }
        return lines;
    }

    private static String counter(Element c, String type) {
        for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("counter") && e.getAttribute("type").equals(type)) {
                int missed = Integer.parseInt(e.getAttribute("missed"));
                int covered = Integer.parseInt(e.getAttribute("covered"));
                return covered + " of " + (missed + covered) + " covered";
            }
        }
        return "none";
    }

    /** @return the missed arcs listed on the HTML report's source pages, as "Inventory.java: line 22 → line 23 ..." */
    static List<String> missedArcs(Path html) throws IOException {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(html.resolve("src"))) {
            pages = walk.filter(p -> p.toString().endsWith(".java.html")).sorted().toList();
        }
        List<String> arcs = new ArrayList<>();
        for (Path page : pages) {
            String file = page.getFileName().toString().replaceFirst("\\.html$", "");
            Matcher m = ARC.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                arcs.add(file + ": " + m.group(1).replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&"));
            }
        }
        return arcs;
    }
}
