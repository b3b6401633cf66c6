package io.lowimpact.monitoring.benchmarks.realworld;

import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.data.ExecutionData;
import org.jacoco.core.tools.ExecFileLoader;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares, line by line, the covered lines of our line+branch coverage tool (mode e) with JaCoCo's (mode b) for
 * the same javac run: JaCoCo's exec file is analysed with {@code org.jacoco.core} against the class files of
 * {@code jdk.compiler}, read from the running JDK's {@code jrt:/} file system (the bytes both agents saw).
 *
 * <p>Only lines JaCoCo knows (status other than {@code EMPTY}) of classes in JaCoCo's execution data are
 * compared; lines our tool saw elsewhere are counted apart. Kinds of difference:
 * <ul>
 * <li>{@code oursOnly}: our LINE event fired, JaCoCo says not covered. JaCoCo's probes sit at the ends of blocks
 *     (before jumps, returns and throws): a line whose block was cut short by an exception thrown from a call
 *     never reaches a probe, while our LINE event fires when the line starts.</li>
 * <li>{@code jacocoOnly}: JaCoCo says covered, our tool never saw the line.</li>
 * <li>{@code oursNoJacocoLine}: our tool saw a line JaCoCo has no code for (JaCoCo's filters drop synthetic and
 *     bridge methods, enum {@code values}/{@code valueOf}, parts of {@code switch} on strings and
 *     try-with-resources...).</li>
 * </ul>
 */
final class CoverageCheck {

    /** How many differences of each kind the report shows, spread evenly over the list. */
    static final int SAMPLES = 12;

    final int jacocoClasses;
    final int unmatchedClasses;
    final int agreeCovered;
    final int agreeMissed;
    final List<String> oursOnly = new ArrayList<>();
    final List<String> jacocoOnly = new ArrayList<>();
    final List<String> oursNoJacocoLine = new ArrayList<>();
    final int oursClassesNotInJacoco;

    private CoverageCheck(Path exec, Path ours) throws IOException {
        ExecFileLoader loader = new ExecFileLoader();
        loader.load(exec.toFile());
        CoverageBuilder builder = new CoverageBuilder();
        Analyzer analyzer = new Analyzer(loader.getExecutionDataStore(), builder);
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        for (ExecutionData data : loader.getExecutionDataStore().getContents()) {
            Path file = jrt.getPath("modules", "jdk.compiler", data.getName() + ".class");
            if (Files.exists(file)) {
                analyzer.analyzeClass(Files.readAllBytes(file), data.getName());
            }
        }
        Map<String, Set<Integer>> ourLines = read(ours);
        int covered = 0;
        int missed = 0;
        int inJacoco = 0;
        Set<String> seen = new TreeSet<>();
        for (IClassCoverage c : builder.getClasses()) {
            String name = c.getName().replace('/', '.');
            seen.add(name);
            inJacoco++;
            Set<Integer> mine = ourLines.getOrDefault(name, Set.of());
            for (int line = Math.max(c.getFirstLine(), 0); line <= c.getLastLine() && c.getFirstLine() >= 0; line++) {
                int status = c.getLine(line).getStatus();
                if (status == ICounter.EMPTY) {
                    if (mine.contains(line)) {
                        add(oursNoJacocoLine, name, line);
                    }
                    continue;
                }
                boolean jacoco = status != ICounter.NOT_COVERED;
                boolean us = mine.contains(line);
                if (jacoco && us) {
                    covered++;
                } else if (!jacoco && !us) {
                    missed++;
                } else if (us) {
                    add(oursOnly, name, line);
                } else {
                    add(jacocoOnly, name, line);
                }
            }
            for (int line : mine) {
                if (line < c.getFirstLine() || line > c.getLastLine()) {
                    add(oursNoJacocoLine, name, line);
                }
            }
        }
        int notInJacoco = 0;
        for (String name : ourLines.keySet()) {
            if (!seen.contains(name)) {
                notInJacoco++;
            }
        }
        this.jacocoClasses = inJacoco;
        this.unmatchedClasses = builder.getNoMatchClasses().size();
        this.agreeCovered = covered;
        this.agreeMissed = missed;
        this.oursClassesNotInJacoco = notInJacoco;
    }

    /**
     * @param exec JaCoCo's execution data of a javac run
     * @param ours the covered lines of our tool ({@code class line} per line) of a javac run with the same input
     * @return the comparison
     * @throws IOException if a file cannot be read
     */
    static CoverageCheck compare(Path exec, Path ours) throws IOException {
        return new CoverageCheck(exec, ours);
    }

    private static void add(List<String> list, String cls, int line) {
        list.add(cls + ":" + line);
    }

    private static Map<String, Set<Integer>> read(Path file) throws IOException {
        Map<String, Set<Integer>> lines = new TreeMap<>();
        for (String s : Files.readAllLines(file)) {
            int space = s.indexOf(' ');
            if (space > 0) {
                lines.computeIfAbsent(s.substring(0, space), k -> new TreeSet<>())
                        .add(Integer.parseInt(s.substring(space + 1)));
            }
        }
        return lines;
    }

    /** @return the comparison as Markdown */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| | lines |\n|---|---|\n");
        sb.append("| classes in JaCoCo's data (javac classes that ran) | ").append(jacocoClasses).append(" |\n");
        sb.append("| classes whose bytes did not match JaCoCo's class id | ").append(unmatchedClasses).append(" |\n");
        sb.append("| covered by both | ").append(agreeCovered).append(" |\n");
        sb.append("| missed by both | ").append(agreeMissed).append(" |\n");
        sb.append("| covered by ours only (`oursOnly`) | ").append(oursOnly.size()).append(" |\n");
        sb.append("| covered by JaCoCo only (`jacocoOnly`) | ").append(jacocoOnly.size()).append(" |\n");
        sb.append("| covered by ours, no code for JaCoCo (`oursNoJacocoLine`) | ").append(oursNoJacocoLine.size())
                .append(" |\n");
        sb.append("| classes ours saw that JaCoCo's data lacks | ").append(oursClassesNotInJacoco).append(" |\n");
        int compared = agreeCovered + agreeMissed + oursOnly.size() + jacocoOnly.size();
        sb.append(String.format("%nAgreement on the lines both know: %d of %d (%.2f %%).%n", agreeCovered + agreeMissed,
                compared, compared == 0 ? 0.0 : 100.0 * (agreeCovered + agreeMissed) / compared));
        sample(sb, "oursOnly", oursOnly);
        sample(sb, "jacocoOnly", jacocoOnly);
        sample(sb, "oursNoJacocoLine", oursNoJacocoLine);
        return sb.toString();
    }

    private static void sample(StringBuilder sb, String kind, List<String> list) {
        if (!list.isEmpty()) {
            List<String> picked = new ArrayList<>();
            int step = Math.max(1, list.size() / SAMPLES);
            for (int i = 0; i < list.size() && picked.size() < SAMPLES; i += step) {
                picked.add(list.get(i));
            }
            sb.append("\nSample of `").append(kind).append("` (").append(picked.size()).append(" of ").append(list.size())
                    .append(", spread over the list in class order): ")
                    .append(String.join(", ", picked)).append('\n');
        }
    }
}
