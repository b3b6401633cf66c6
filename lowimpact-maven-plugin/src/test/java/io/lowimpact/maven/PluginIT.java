package io.lowimpact.maven;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Checks what the invoker's Maven build of {@code src/it/simple} left: prepare-agent ran the tests under both agents
 * with contexts, report wrote XML, LCOV and HTML from the data file and the project's classes.
 */
class PluginIT {

    private static final Path PROJECT = Path.of(System.getProperty("lowimpact.it.dir", "target/it"), "simple");

    @Test
    void reportTheCoverageOfTheProjectsTests() throws Exception {
        Path site = PROJECT.resolve("target/site/lowimpact");
        String xml = Files.readString(site.resolve("lowimpact.xml"));
        // Calc: add (line 9) and abs(4) (lines 13, 16) reached, 14 and never() (line 20) not.
        assertTrue(xml.contains("<counter type=\"BRANCH\" missed=\"1\" covered=\"1\"/><counter type=\"LINE\""
                + " missed=\"2\" covered=\"3\"/><counter type=\"COMPLEXITY\" missed=\"2\" covered=\"2\"/><counter"
                + " type=\"METHOD\" missed=\"1\" covered=\"2\"/><counter type=\"CLASS\" missed=\"0\" covered=\"1\"/>"
                + "</class>"), xml);
        String lcov = Files.readString(site.resolve("lcov.info"));
        assertTrue(lcov.contains("DA:9,1\nDA:13,1\nDA:14,0\nDA:16,1\nDA:20,0\n"), lcov);
        String page = Files.readString(site.resolve("src/com/acme/Calc.java.html"));
        assertTrue(page.contains("tests: com.acme.CalcTest#adds()"), page);
        assertTrue(page.contains("tests: com.acme.CalcTest#absOfPositive()"), page);
        assertTrue(page.contains("missed: line 13 \u2192 line 14"), page);
    }
}
