package io.lowimpact.coverage.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.coverage.CoverageOptions;
import io.lowimpact.coverage.Targets;
import io.lowimpact.coverage.internal.data.ClassRecord;
import io.lowimpact.coverage.internal.data.DataSet;
import example.targets.Basics;
import example.targets.NeverLoaded;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

class ReportsTest {

    @TempDir
    Path dir;

    private Bundle basics() throws Exception {
        DataSet data = Fixtures.record(Basics.class, CoverageOptions.defaults().withContexts(true), basics -> {
            io.lowimpact.coverage.Coverage.running().orElseThrow().switchContext("t1");
            Targets.call(basics, "classify", 3);
        });
        return Analyzer.analyze("basics", data, List.of(Fixtures.classes(dir.resolve("classes"), Basics.class,
                NeverLoaded.class)));
    }

    @Test
    void writeJaCoCoXmlThatTheDtdAccepts() throws Exception {
        String xml = XmlReport.render(basics());
        Document doc = parseValidating(xml);
        assertEquals("basics", doc.getDocumentElement().getAttribute("name"));
        assertEquals("BRANCH 1/3, LINE 2/5, COMPLEXITY 2/2, METHOD 1/1, CLASS 0/1",
                counters(element(doc, "class", "example/targets/Basics")));
        assertEquals("BRANCH 1/3, LINE 1/5, COMPLEXITY 1/2, METHOD 0/1",
                counters(element(doc, "method", "classify")));
        assertEquals("LINE 1/0, COMPLEXITY 1/0, METHOD 1/0", counters(element(doc, "method", "never")));
        // Never loaded: every line, edge and method missed.
        assertEquals("BRANCH 2/0, LINE 4/0, COMPLEXITY 3/0, METHOD 2/0, CLASS 1/0",
                counters(element(doc, "class", "example/targets/NeverLoaded")));
        assertEquals("BRANCH 3/3, LINE 6/5, COMPLEXITY 5/2, METHOD 3/1, CLASS 1/1",
                counters(doc.getDocumentElement()));
        assertTrue(xml.contains("<line nr=\"10\" mi=\"0\" ci=\"1\" mb=\"1\" cb=\"1\"/><line nr=\"11\" mi=\"1\""
                + " ci=\"0\" mb=\"0\" cb=\"0\"/>"), xml);
    }

    @Test
    void reportAChangedClassAndNotUseItsData() throws Exception {
        DataSet data = Fixtures.record(Basics.class, CoverageOptions.defaults(),
                basics -> Targets.call(basics, "classify", 3));
        DataSet changed = new DataSet();
        for (ClassRecord c : data.classes()) {
            ClassRecord copy = new ClassRecord(c.name(), 0x12345678L, c.sourceFile());
            c.methods().forEach(copy::add);
            changed.add(copy);
        }
        Bundle bundle = Analyzer.analyze("x", changed, List.of(Fixtures.classes(dir.resolve("c"), Basics.class)));
        long crc = io.lowimpact.coverage.internal.runtime.ClassFiles.crc(Targets.classFile(Basics.class.getName()));
        assertEquals(List.of(String.format("class example.targets.Basics: the class file changed since recording (its"
                + " CRC is %08x, the data's 12345678): the recorded coverage is not used", crc)), bundle.problems());
        assertEquals("BRANCH 4/0, LINE 7/0, COMPLEXITY 4/0, METHOD 2/0, CLASS 1/0",
                counters(parseValidating(XmlReport.render(bundle)).getDocumentElement()));
    }

    @Test
    void listRecordedClassesMissingFromTheClassFiles() throws Exception {
        DataSet data = Fixtures.record(Basics.class, CoverageOptions.defaults(),
                basics -> Targets.call(basics, "classify", 3));
        Bundle bundle = Analyzer.analyze("x", data, List.of(Fixtures.classes(dir.resolve("c"), NeverLoaded.class)));
        assertEquals(List.of("1 recorded classes are not among the class files given, and are not reported:"
                + " example.targets.Basics"), bundle.problems());
    }

    @Test
    void reportRecordedClassesAloneWithoutClassFiles() throws Exception {
        DataSet data = Fixtures.record(Basics.class, CoverageOptions.defaults(),
                basics -> Targets.call(basics, "classify", 3));
        Bundle bundle = Analyzer.analyze("x", data, List.of());
        // Only what ran is known: classify (never() and the constructor never fired an event).
        assertEquals("BRANCH 1/3, LINE 1/5, COMPLEXITY 1/2, METHOD 0/1, CLASS 0/1",
                counters(parseValidating(XmlReport.render(bundle)).getDocumentElement()));
    }

    @Test
    void writeLcov() throws Exception {
        String lcov = LcovReport.render(basics(), List.of(Fixtures.SOURCES));
        String basicsRecord = lcov.substring(lcov.indexOf("TN:basics\nSF:") , lcov.indexOf("end_of_record") + 14);
        assertEquals("TN:basics\n"
                + "SF:" + Fixtures.SOURCES.resolve("example/targets/Basics.java").toAbsolutePath().normalize() + "\n"
                + "FN:10,example.targets.Basics.classify(I)I\n"
                + "FNDA:1,example.targets.Basics.classify(I)I\n"
                + "FN:21,example.targets.Basics.never()I\n"
                + "FNDA:0,example.targets.Basics.never()I\n"
                + "FNF:2\nFNH:1\n"
                + "BRDA:10,0,0,0\nBRDA:10,0,1,1\nBRDA:14,1,0,1\nBRDA:14,1,1,1\n"
                + "BRF:4\nBRH:3\n"
                + "DA:10,1\nDA:11,0\nDA:13,1\nDA:14,1\nDA:15,1\nDA:17,1\nDA:21,0\n"
                + "LF:7\nLH:5\n"
                + "end_of_record\n", basicsRecord);
        assertTrue(lcov.contains("BRDA:13,0,0,-\nBRDA:13,0,1,-\n"), lcov); // NeverLoaded.twice: never reached
    }

    @Test
    void writeHtmlWithMissedArcsAndTests() throws Exception {
        Bundle bundle = basics();
        Path html = dir.resolve("html");
        HtmlReport.write(bundle, List.of(Fixtures.SOURCES), html);
        String page = Files.readString(html.resolve("src/example/targets/Basics.java.html"));
        assertTrue(page.contains("<tr id=\"L10\" class=\"partly\">"), page);
        assertTrue(page.contains("missed: line 10 \u2192 line 11 (offset 1 \u2192 4, left)"), page);
        assertTrue(page.contains("<tr id=\"L11\" class=\"missed\">"), page);
        assertTrue(page.contains("<tr id=\"L15\" class=\"covered\">"), page);
        assertTrue(page.contains("tests: t1"), page);
        String index = Files.readString(html.resolve("index.html"));
        assertTrue(index.contains("<td id=\"total-LINE\" data-missed=\"6\" data-covered=\"5\">5 of 11 (45.5%)</td>"),
                index);
    }

    static Document parseValidating(String xml) throws Exception {
        Path dtd = Path.of(System.getProperty("lowimpact.jacoco.dtd", "target/jacoco-dtd/org/jacoco/report/xml/report.dtd"));
        assertTrue(Files.isRegularFile(dtd), "JaCoCo's report.dtd is unpacked by the build: " + dtd);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setValidating(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        List<String> errors = new ArrayList<>();
        builder.setEntityResolver((publicId, systemId) -> {
            assertEquals("-//JACOCO//DTD Report 1.1//EN", publicId);
            return new InputSource(Files.newInputStream(dtd));
        });
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                errors.add("warning: " + e.getMessage());
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getMessage());
            }
        });
        Document doc = builder.parse(new InputSource(new StringReader(xml)));
        assertEquals(List.of(), errors, "validation against JaCoCo's report.dtd");
        return doc;
    }

    static Element element(Document doc, String tag, String name) {
        NodeList nodes = doc.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no <" + tag + " name=\"" + name + "\">");
    }

    /** @return the element's own counters, "TYPE missed/covered", in document order */
    static String counters(Element e) {
        List<String> out = new ArrayList<>();
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element c && c.getTagName().equals("counter")) {
                out.add(c.getAttribute("type") + " " + c.getAttribute("missed") + "/" + c.getAttribute("covered"));
            }
        }
        return String.join(", ", out);
    }
}
