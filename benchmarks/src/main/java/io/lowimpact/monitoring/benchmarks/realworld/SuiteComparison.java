package io.lowimpact.monitoring.benchmarks.realworld;

import io.lowimpact.coverage.CoverageData;
import io.lowimpact.coverage.Report;
import io.lowimpact.monitoring.benchmarks.realworld.LineFeatures.Feature;

import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.analysis.ILine;
import org.jacoco.core.analysis.ISourceFileCoverage;
import org.jacoco.core.tools.ExecFileLoader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

/**
 * Our coverage of a real test suite compared with JaCoCo's, per class and per line: JaCoCo's exec file analysed
 * with {@code org.jacoco.core} against the library's jar, ours as the JaCoCo-format XML our {@link Report} writes
 * from our data file against the same jar (what Sonar or Codecov would read). Each line JaCoCo or we know is one
 * of: covered by both, missed by both, or a difference; and each line known to both has its branch counters
 * (missed, covered) compared. Every difference is put into a class of difference of docs/coverage.md ("What
 * differs from JaCoCo") when the line's bytecode ({@link LineFeatures}) shows the cause; the rest are
 * {@link #UNEXPLAINED}.
 */
final class SuiteComparison {

    /** Our LINE event fired, JaCoCo saw no probe of the line: the line was left by an exception before its probe. */
    static final String CUT_SHORT = "line cut short by an exception (ours covered, JaCoCo missed)";
    /** Our branch edge was taken, JaCoCo's probe for it lies after a call that threw. */
    static final String EDGE_CUT_SHORT = "branch edge then an exception before JaCoCo's probe (ours more covered edges)";
    /** JaCoCo's string-switch filter counts cases; we count the bytecode's edges (hash switch, equals, index switch). */
    static final String STRING_SWITCH = "string switch: all bytecode edges (ours more edges)";
    /** JaCoCo merges the copies of a finally block; we count each copy's edges. */
    static final String FINALLY = "finally copies counted apart (ours more edges)";
    /** JaCoCo's assert filter drops the $assertionsDisabled branch. */
    static final String ASSERT = "assert's $assertionsDisabled branch (ours more edges)";
    /** A line only in a finally block's exceptional copy (its rethrow), which JaCoCo's finally filter hides. */
    static final String FINALLY_LINE = "finally's exceptional copy: a line JaCoCo's filter hides (ours has the line)";
    /** A line only in code JaCoCo filters (synthetic methods and classes). */
    static final String SYNTHETIC = "synthetic code, filtered by JaCoCo (ours has the line)";
    /** Anything else: a bug in one tool or the other, to be looked at. */
    static final String UNEXPLAINED = "UNEXPLAINED";

    int jacocoClasses;
    int ourClasses;
    int classesEqual;
    final List<String> classDifferences = new ArrayList<>();
    int jacocoLinesCovered;
    int ourLinesCovered;
    int bothCovered;
    int bothMissed;
    int branchLines;
    int branchesEqual;
    int jacocoBranchesCovered;
    int ourBranchesCovered;
    int jacocoBranches;
    int ourBranches;
    /** Per class of difference: the lines (as {@code package/File.java:line}) that differ in their covered state. */
    final Map<String, List<String>> lineDifferences = new TreeMap<>();
    /** Per class of difference: the lines whose branch counters differ. */
    final Map<String, List<String>> branchDifferences = new TreeMap<>();

    private SuiteComparison() {
    }

    /**
     * @param exec JaCoCo's execution data
     * @param ours our data file of a run of the same suite
     * @param jar the library's jar (the classes both measured)
     * @param xml where our XML report is written
     * @return the comparison
     * @throws Exception if a file cannot be read or written
     */
    static SuiteComparison compare(Path exec, Path ours, Path jar, Path xml) throws Exception {
        SuiteComparison c = new SuiteComparison();
        ExecFileLoader loader = new ExecFileLoader();
        loader.load(exec.toFile());
        CoverageBuilder builder = new CoverageBuilder();
        new Analyzer(loader.getExecutionDataStore(), builder).analyzeAll(jar.toFile());
        Report.create("suite", CoverageData.read(ours), List.of(jar), List.of()).writeXml(xml);
        Document doc = parse(xml);
        LineFeatures features = LineFeatures.of(jar);
        c.compareClasses(builder, doc);
        c.compareLines(builder, doc, features);
        return c;
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(xml.toFile());
    }

    private void compareClasses(CoverageBuilder builder, Document doc) {
        Map<String, int[]> ourClassLines = new TreeMap<>();
        NodeList classes = doc.getElementsByTagName("class");
        for (int i = 0; i < classes.getLength(); i++) {
            Element cls = (Element) classes.item(i);
            ourClassLines.put(cls.getAttribute("name"), counter(cls, "LINE"));
        }
        ourClassLines.values().removeIf(l -> l[0] + l[1] == 0);
        ourClasses = ourClassLines.size();
        Map<String, ICounter> theirs = new TreeMap<>();
        for (IClassCoverage cls : builder.getClasses()) {
            if (cls.getLineCounter().getTotalCount() > 0) {
                theirs.put(cls.getName(), cls.getLineCounter());
            }
        }
        jacocoClasses = theirs.size();
        Set<String> names = new TreeSet<>(theirs.keySet());
        names.addAll(ourClassLines.keySet());
        for (String name : names) {
            ICounter lines = theirs.get(name);
            int[] mine = ourClassLines.get(name);
            if (lines != null && mine != null && mine[0] == lines.getMissedCount() && mine[1] == lines.getCoveredCount()) {
                classesEqual++;
            } else {
                classDifferences.add(String.format("%s: JaCoCo %s, ours %s", name,
                        lines == null ? "no lines" : lines.getCoveredCount() + " of " + lines.getTotalCount() + " lines",
                        mine == null ? "no lines" : mine[1] + " of " + (mine[0] + mine[1])));
            }
        }
    }

    /** @return {missed, covered} of the element's own counter of that type (not its children's) */
    private static int[] counter(Element parent, String type) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("counter") && e.getAttribute("type").equals(type)) {
                return new int[] {Integer.parseInt(e.getAttribute("missed")), Integer.parseInt(e.getAttribute("covered"))};
            }
        }
        return new int[] {0, 0};
    }

    /**
     * @param doc our XML report
     * @return per line ({@code package/File.java:line}) its {@code mi, ci, mb, cb}
     */
    static Map<String, int[]> lines(Document doc) {
        Map<String, int[]> ourLines = new LinkedHashMap<>();
        NodeList files = doc.getElementsByTagName("sourcefile");
        for (int i = 0; i < files.getLength(); i++) {
            Element file = (Element) files.item(i);
            String pkg = ((Element) file.getParentNode()).getAttribute("name");
            NodeList lines = file.getElementsByTagName("line");
            for (int j = 0; j < lines.getLength(); j++) {
                Element l = (Element) lines.item(j);
                ourLines.put(pkg + "/" + file.getAttribute("name") + ":" + l.getAttribute("nr"), new int[] {
                        Integer.parseInt(l.getAttribute("mi")), Integer.parseInt(l.getAttribute("ci")),
                        Integer.parseInt(l.getAttribute("mb")), Integer.parseInt(l.getAttribute("cb"))});
            }
        }
        return ourLines;
    }

    /**
     * Our report of two runs of the suite compared line by line (the plain run and the run with per-test contexts).
     *
     * @param a a data file
     * @param b another
     * @param jar the library's jar
     * @param dir where the two XML reports are written
     * @return {lines of a, lines of b with the same covered state and branch counters as in a}
     * @throws Exception if a file cannot be read or written
     */
    static int[] sameLines(Path a, Path b, Path jar, Path dir) throws Exception {
        Path xa = dir.resolve("a.xml");
        Path xb = dir.resolve("b.xml");
        Report.create("suite", CoverageData.read(a), List.of(jar), List.of()).writeXml(xa);
        Report.create("suite", CoverageData.read(b), List.of(jar), List.of()).writeXml(xb);
        Map<String, int[]> la = lines(parse(xa));
        Map<String, int[]> lb = lines(parse(xb));
        int same = 0;
        for (Map.Entry<String, int[]> e : la.entrySet()) {
            int[] x = e.getValue();
            int[] y = lb.get(e.getKey());
            if (y != null && (x[1] > 0) == (y[1] > 0) && x[2] == y[2] && x[3] == y[3]) {
                same++;
            }
        }
        return new int[] {la.size(), same};
    }

    private void compareLines(CoverageBuilder builder, Document doc, LineFeatures features) {
        Map<String, int[]> ourLines = lines(doc);
        Map<String, ILine> jacocoLines = new LinkedHashMap<>();
        for (ISourceFileCoverage file : builder.getSourceFiles()) {
            for (int nr = file.getFirstLine(); nr >= 0 && nr <= file.getLastLine(); nr++) {
                ILine line = file.getLine(nr);
                if (line.getStatus() != ICounter.EMPTY) {
                    jacocoLines.put(file.getPackageName() + "/" + file.getName() + ":" + nr, line);
                }
            }
        }
        for (Map.Entry<String, int[]> e : ourLines.entrySet()) {
            String key = e.getKey();
            int[] mine = e.getValue();
            boolean ourCovered = mine[1] > 0;
            ourLinesCovered += ourCovered ? 1 : 0;
            ourBranches += mine[2] + mine[3];
            ourBranchesCovered += mine[3];
            ILine theirs = jacocoLines.get(key);
            Set<Feature> f = features.of(key);
            if (theirs == null) {
                if (ourCovered || mine[2] + mine[3] > 0) {
                    String kind = f.contains(Feature.SYNTHETIC) ? SYNTHETIC
                            : f.contains(Feature.FINALLY_HANDLER) ? FINALLY_LINE : UNEXPLAINED;
                    add(lineDifferences, kind, key + (ourCovered ? " (ours only, covered)" : " (ours only, missed)"));
                }
                continue;
            }
            boolean jacocoCovered = theirs.getStatus() != ICounter.NOT_COVERED;
            if (ourCovered == jacocoCovered) {
                if (ourCovered) {
                    bothCovered++;
                } else {
                    bothMissed++;
                }
            } else {
                add(lineDifferences, ourCovered && f.contains(Feature.CAN_THROW) ? CUT_SHORT : UNEXPLAINED,
                        key + (ourCovered ? " (ours covered)" : " (JaCoCo covered)"));
            }
            compareBranches(key, mine, theirs.getBranchCounter(), f);
        }
        for (Map.Entry<String, ILine> e : jacocoLines.entrySet()) {
            ILine line = e.getValue();
            jacocoLinesCovered += line.getStatus() != ICounter.NOT_COVERED ? 1 : 0;
            jacocoBranches += line.getBranchCounter().getTotalCount();
            jacocoBranchesCovered += line.getBranchCounter().getCoveredCount();
            if (!ourLines.containsKey(e.getKey())) {
                add(lineDifferences, UNEXPLAINED, e.getKey() + " (JaCoCo only)");
            }
        }
    }

    private void compareBranches(String key, int[] mine, ICounter theirs, Set<Feature> f) {
        int ourTotal = mine[2] + mine[3];
        if (ourTotal == 0 && theirs.getTotalCount() == 0) {
            return;
        }
        branchLines++;
        if (mine[2] == theirs.getMissedCount() && mine[3] == theirs.getCoveredCount()) {
            branchesEqual++;
            return;
        }
        String kind;
        if (ourTotal == theirs.getTotalCount()) {
            kind = mine[3] > theirs.getCoveredCount() && f.contains(Feature.CAN_THROW) ? EDGE_CUT_SHORT : UNEXPLAINED;
        } else if (ourTotal > theirs.getTotalCount() && f.contains(Feature.STRING_SWITCH)) {
            kind = STRING_SWITCH;
        } else if (ourTotal > theirs.getTotalCount() && f.contains(Feature.ASSERT)) {
            kind = ASSERT;
        } else if (ourTotal > theirs.getTotalCount() && f.contains(Feature.FINALLY_HANDLER)) {
            kind = FINALLY;
        } else {
            kind = UNEXPLAINED;
        }
        add(branchDifferences, kind, String.format("%s (ours %d of %d, JaCoCo %d of %d)", key, mine[3], ourTotal,
                theirs.getCoveredCount(), theirs.getTotalCount()));
    }

    private static void add(Map<String, List<String>> map, String kind, String what) {
        map.computeIfAbsent(kind, k -> new ArrayList<>()).add(what);
    }

    /** @return the number of unexplained differences (lines, branches, classes whose counters differ not explained) */
    int unexplained() {
        return lineDifferences.getOrDefault(UNEXPLAINED, List.of()).size()
                + branchDifferences.getOrDefault(UNEXPLAINED, List.of()).size();
    }

    /** @return the comparison as Markdown, every difference listed */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| | JaCoCo | ours | equal |\n|---|---:|---:|---:|\n");
        sb.append(String.format("| classes with lines | %d | %d | %d (same covered and missed lines) |%n",
                jacocoClasses, ourClasses, classesEqual));
        sb.append(String.format("| lines covered | %d | %d | %d covered by both, %d missed by both |%n",
                jacocoLinesCovered, ourLinesCovered, bothCovered, bothMissed));
        sb.append(String.format("| branch edges covered (of all) | %d of %d | %d of %d | %d of %d lines with branches |%n",
                jacocoBranchesCovered, jacocoBranches, ourBranchesCovered, ourBranches, branchesEqual, branchLines));
        sb.append("\n| difference | class of difference | lines |\n|---|---|---:|\n");
        lineDifferences.forEach((k, v) -> sb.append("| covered state | ").append(k).append(" | ").append(v.size())
                .append(" |\n"));
        branchDifferences.forEach((k, v) -> sb.append("| branch counters | ").append(k).append(" | ").append(v.size())
                .append(" |\n"));
        sb.append(String.format("%nUnexplained differences: %d.%n", unexplained()));
        lineDifferences.forEach((k, v) -> sb.append("\n- ").append(k).append(": ").append(String.join(", ", v)));
        branchDifferences.forEach((k, v) -> sb.append("\n- ").append(k).append(": ").append(String.join(", ", v)));
        if (!classDifferences.isEmpty()) {
            sb.append("\n\nClasses whose line counters differ: ").append(String.join("; ", classDifferences));
        }
        return sb.append('\n').toString();
    }
}
