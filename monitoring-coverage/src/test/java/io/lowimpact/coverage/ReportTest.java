package io.lowimpact.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.targets.Basics;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report command line, run in this JVM. */
class ReportTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writeEveryReportAndTheMergedData() throws Exception {
        Coverage coverage = Coverage.start(CoverageOptions.defaults());
        try {
            Targets.call(Targets.load(Basics.class), "classify", 2);
            coverage.dump(dir.resolve("a.cov"));
        } finally {
            coverage.stop();
        }
        Files.copy(dir.resolve("a.cov"), dir.resolve("b.cov"));
        int status = run("--data", dir.resolve("a.cov") + "," + dir.resolve("b.cov"), "--xml", dir.resolve("x.xml")
                .toString(), "--lcov", dir.resolve("lcov.info").toString(), "--html", dir.resolve("html").toString(),
                "--merge", dir.resolve("all.cov").toString(), "--name", "two");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals("XML report: " + dir.resolve("x.xml") + "\nLCOV report: " + dir.resolve("lcov.info")
                + "\nHTML report: " + dir.resolve("html/index.html") + "\n", out.toString(StandardCharsets.UTF_8)
                .replace(System.lineSeparator(), "\n"));
        assertEquals(2, CoverageData.read(dir.resolve("all.cov")).sessionCount());
        assertTrue(Files.readString(dir.resolve("x.xml")).startsWith("<?xml"));
        assertTrue(Files.isRegularFile(dir.resolve("html/src/example/targets/Basics.java.html")));
    }

    @Test
    void nameAnUnreadableDataFile() throws Exception {
        Path bad = dir.resolve("bad.cov");
        Files.write(bad, new byte[] {'P', 'K', 3, 4});
        assertEquals(1, run("--data", bad.toString(), "--xml", dir.resolve("x.xml").toString()));
        assertEquals("error: " + bad + ": not a Lowimpact coverage data file (it looks like a zip or jar file)\n",
                err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void explainUsageErrors() {
        assertEquals(2, run("--xml", "x.xml"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: no data files: give --data a.cov[,b.cov...]"));
        err.reset();
        assertEquals(2, run("--data", "a.cov"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: nothing to write: give --html, --xml, --lcov"
                + " or --merge"));
        err.reset();
        assertEquals(2, run("--bogus", "1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: unknown option --bogus"));
        err.reset();
        assertEquals(2, run("--data"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: option --data needs a value"));
    }

    private int run(String... args) {
        return Report.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
