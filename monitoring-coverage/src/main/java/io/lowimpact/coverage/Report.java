package io.lowimpact.coverage;

import io.lowimpact.coverage.internal.report.Analyzer;
import io.lowimpact.coverage.internal.report.Bundle;
import io.lowimpact.coverage.internal.report.HtmlReport;
import io.lowimpact.coverage.internal.report.LcovReport;
import io.lowimpact.coverage.internal.report.XmlReport;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Coverage reports from data files and class files: JaCoCo-compatible XML, LCOV and HTML.
 *
 * <p>From the command line ({@code java -cp lowimpact-coverage-agent.jar io.lowimpact.coverage.Report ...}, or
 * {@code java -jar lowimpact-coverage-agent.jar ...}):
 * <pre>
 * --data a.cov,b.cov      data files, merged (required)
 * --classes dir:app.jar   class directories and jars (path-separator list): every class in them is reported, never
 *                         loaded ones as missed, changed ones as a problem; without it the recorded classes are reported
 * --sources dir           source directories (path-separator list), for the HTML listing and LCOV's SF
 * --html dir  --xml file  --lcov file   the reports to write (at least one, or --merge)
 * --merge file            write the merged data to one data file
 * --name text             the report's title (default "Coverage")
 * </pre>
 * Exit status 0 on success (problems such as changed class files are printed as warnings), 1 if a data file cannot
 * be read, 2 on a usage error.
 */
public final class Report {

    private final Bundle bundle;
    private final List<Path> sourceRoots;

    private Report(Bundle bundle, List<Path> sourceRoots) {
        this.bundle = bundle;
        this.sourceRoots = List.copyOf(sourceRoots);
    }

    /**
     * Puts data and class files together.
     *
     * @param name the report's title
     * @param data the recorded data
     * @param classRoots class directories and jars; empty to report the recorded classes alone
     * @param sourceRoots source directories
     * @return the report, ready to write
     * @throws IOException if a class root cannot be read
     */
    public static Report create(String name, CoverageData data, List<Path> classRoots, List<Path> sourceRoots)
            throws IOException {
        Objects.requireNonNull(data, "data must not be null");
        return new Report(Analyzer.analyze(name, data.data, classRoots), sourceRoots);
    }

    /**
     * @return what did not fit: class files changed since recording (their recorded coverage is not used), recorded
     *         classes not among the class files, unreadable class files
     */
    public List<String> problems() {
        return bundle.problems();
    }

    /**
     * Writes the XML report (JaCoCo's {@code report.dtd}).
     *
     * @param file the file, replaced
     * @throws IOException if it cannot be written
     */
    public void writeXml(Path file) throws IOException {
        XmlReport.write(bundle, file);
    }

    /**
     * Writes the LCOV tracefile.
     *
     * @param file the file, replaced
     * @throws IOException if it cannot be written
     */
    public void writeLcov(Path file) throws IOException {
        LcovReport.write(bundle, sourceRoots, file);
    }

    /**
     * Writes the HTML report into a directory ({@code index.html} and a page per source file).
     *
     * @param dir the directory, created if needed
     * @throws IOException if a page cannot be written
     */
    public void writeHtml(Path dir) throws IOException {
        HtmlReport.write(bundle, sourceRoots, dir);
    }

    /**
     * The command line.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> data = new ArrayList<>();
        List<Path> classes = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        Path html = null;
        Path xml = null;
        Path lcov = null;
        Path merge = null;
        String name = "Coverage";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 == args.length) {
                return usage(err, "option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--data" -> paths(value, ",", data);
                case "--classes" -> paths(value, File.pathSeparator, classes);
                case "--sources" -> paths(value, File.pathSeparator, sources);
                case "--html" -> html = Path.of(value);
                case "--xml" -> xml = Path.of(value);
                case "--lcov" -> lcov = Path.of(value);
                case "--merge" -> merge = Path.of(value);
                case "--name" -> name = value;
                default -> {
                    return usage(err, "unknown option " + option);
                }
            }
        }
        if (data.isEmpty()) {
            return usage(err, "no data files: give --data a.cov[,b.cov...]");
        }
        if (html == null && xml == null && lcov == null && merge == null) {
            return usage(err, "nothing to write: give --html, --xml, --lcov or --merge");
        }
        try {
            List<CoverageData> parts = new ArrayList<>();
            for (Path file : data) {
                parts.add(CoverageData.read(file));
            }
            CoverageData merged = CoverageData.merge(parts);
            if (merge != null) {
                merged.write(merge);
            }
            Report report = create(name, merged, classes, sources);
            for (String problem : report.problems()) {
                err.println("warning: " + problem);
            }
            if (xml != null) {
                report.writeXml(xml);
                out.println("XML report: " + xml);
            }
            if (lcov != null) {
                report.writeLcov(lcov);
                out.println("LCOV report: " + lcov);
            }
            if (html != null) {
                report.writeHtml(html);
                out.println("HTML report: " + html.resolve("index.html"));
            }
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static void paths(String value, String separator, List<Path> into) {
        for (String part : value.split(java.util.regex.Pattern.quote(separator))) {
            if (!part.isBlank()) {
                into.add(Path.of(part.trim()));
            }
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println("usage: Report --data a.cov[,b.cov] [--classes dirs-and-jars] [--sources dirs] [--html dir]"
                + " [--xml file] [--lcov file] [--merge file] [--name title]");
        return 2;
    }
}
