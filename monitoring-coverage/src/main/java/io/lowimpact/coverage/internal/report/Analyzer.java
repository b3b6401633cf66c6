package io.lowimpact.coverage.internal.report;

import io.lowimpact.coverage.internal.data.BranchRecord;
import io.lowimpact.coverage.internal.data.ClassRecord;
import io.lowimpact.coverage.internal.data.DataSet;
import io.lowimpact.coverage.internal.data.MethodRecord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Puts recorded data and class files together. With class files given, they are the truth: every class in them
 * is reported, never-loaded ones as missed; a class whose recorded CRC differs from its class file's is reported
 * as a problem and its recorded hits are not used. Without class files, the recorded classes are reported as
 * recorded.
 */
public final class Analyzer {

    private static final int MAX_LISTED = 10;

    private final DataSet data;
    private final Bundle bundle;

    private Analyzer(String name, DataSet data) {
        this.data = data;
        this.bundle = new Bundle(name);
        bundle.sessions.addAll(data.sessions());
        bundle.hasContexts = !data.contexts().isEmpty();
    }

    /**
     * @param name the report's name
     * @param data the recorded data
     * @param classRoots directories and jars of class files; empty to report the recorded classes alone
     * @return what to report
     * @throws IOException if a class root cannot be read
     */
    public static Bundle analyze(String name, DataSet data, List<Path> classRoots) throws IOException {
        Analyzer analyzer = new Analyzer(name, data);
        if (classRoots.isEmpty()) {
            analyzer.recordedOnly();
        } else {
            analyzer.scan(classRoots);
        }
        return analyzer.bundle;
    }

    private void recordedOnly() {
        Set<String> seen = new HashSet<>();
        for (ClassRecord c : data.classes()) {
            List<ClassRecord> versions = data.versions(c.name());
            if (!seen.add(c.name())) {
                continue;
            }
            if (versions.size() > 1) {
                bundle.problems.add("class " + c.name() + " was recorded from " + versions.size()
                        + " different class files; give the class files (--classes) to pick the right one");
                continue;
            }
            bundle.add(build(c, List.of(c)));
        }
    }

    private void scan(List<Path> roots) throws IOException {
        Set<String> scanned = new HashSet<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(root)) {
                    files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                }
                for (Path file : files) {
                    classFile(root.relativize(file) + " in " + root, Files.readAllBytes(file), scanned);
                }
            } else if (Files.isRegularFile(root)) {
                try (ZipFile zip = new ZipFile(root.toFile())) {
                    Enumeration<? extends ZipEntry> entries = zip.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry e = entries.nextElement();
                        if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                            try (InputStream in = zip.getInputStream(e)) {
                                classFile(e.getName() + " in " + root, in.readAllBytes(), scanned);
                            }
                        }
                    }
                }
            } else {
                throw new IOException("no such directory or jar of class files: " + root);
            }
        }
        Set<String> unmatched = new TreeSet<>();
        for (ClassRecord c : data.classes()) {
            if (!scanned.contains(c.name())) {
                unmatched.add(c.name());
            }
        }
        if (!unmatched.isEmpty()) {
            bundle.problems.add(unmatched.size() + " recorded classes are not among the class files given, and are"
                    + " not reported: " + listed(unmatched));
        }
    }

    private void classFile(String where, byte[] bytes, Set<String> scanned) {
        ClassFileReader.Result read;
        try {
            read = ClassFileReader.read(bytes);
        } catch (IllegalArgumentException e) {
            bundle.problems.add(where + " cannot be read: " + e.getMessage());
            return;
        }
        if (!scanned.add(read.name())) {
            bundle.problems.add(where + ": class " + read.name() + " is in the class files twice; the first one is"
                    + " reported");
            return;
        }
        ClassRecord structure = read.structure();
        if (structure == null) {
            return; // synthetic: recorded, maybe, but never reported
        }
        List<ClassRecord> versions = data.versions(structure.name());
        List<ClassRecord> matching = new ArrayList<>();
        for (ClassRecord v : versions) {
            if (v.crc() == structure.crc() || v.crc() == ClassRecord.UNKNOWN_CRC) {
                matching.add(v);
            }
        }
        ClassCoverage c = build(structure, matching);
        if (matching.isEmpty() && !versions.isEmpty()) {
            c.problem = String.format(Locale.ROOT, "the class file changed since recording (its CRC is %08x, the"
                    + " data's %s): the recorded coverage is not used", structure.crc(), crcs(versions));
            bundle.problems.add("class " + structure.name() + ": " + c.problem);
        }
        bundle.add(c);
    }

    private ClassCoverage build(ClassRecord structure, List<ClassRecord> records) {
        ClassCoverage c = new ClassCoverage(structure.name(), structure.sourceFile());
        for (MethodRecord m : structure.methods()) {
            List<MethodRecord> recorded = new ArrayList<>();
            for (ClassRecord r : records) {
                MethodRecord rm = r.method(m.name(), m.descriptor());
                if (rm != null) {
                    recorded.add(rm);
                }
            }
            c.methods.add(method(c, m, recorded));
        }
        return c;
    }

    private MethodCoverage method(ClassCoverage c, MethodRecord m, List<MethodRecord> recorded) {
        Counter lines = Counter.EMPTY;
        for (int i = 0; i < m.lineCount(); i++) {
            int line = m.line(i);
            long hits = 0;
            BitSet contexts = new BitSet();
            for (MethodRecord r : recorded) {
                int j = r.indexOfLine(line);
                if (j >= 0) {
                    hits += r.lineHits(j);
                    contexts.or(r.lineContexts(j));
                }
            }
            LineCoverage lc = c.line(line);
            lc.units++;
            lc.hits += hits;
            for (int k = contexts.nextSetBit(0); k >= 0; k = contexts.nextSetBit(k + 1)) {
                lc.contexts.add(data.contexts().get(k));
            }
            if (hits > 0) {
                lc.unitsHit++;
                lines = lines.plus(0, 1);
            } else {
                lc.unitsNotRun.add(m.name());
                lines = lines.plus(1, 0);
            }
        }
        Counter branches = Counter.EMPTY;
        Counter complexity = Counter.EMPTY;
        for (BranchRecord b : m.branches()) {
            int taken = 0;
            LineCoverage lc = b.line() >= 0 ? c.line(b.line()) : null;
            long[] edgeHits = new long[b.edgeCount()];
            for (int e = 0; e < b.edgeCount(); e++) {
                long hits = 0;
                for (MethodRecord r : recorded) {
                    hits += edgeHits(r, b, e);
                }
                edgeHits[e] = hits;
                if (hits > 0) {
                    taken++;
                } else if (lc != null) {
                    lc.missedArcs.add(arc(b, e));
                }
            }
            branches = branches.plus(b.edgeCount() - taken, taken);
            if (lc != null) {
                lc.branchHits.add(edgeHits);
                lc.edges += b.edgeCount();
                lc.edgesTaken += taken;
            }
            int coveredComplexity = Math.max(0, taken - 1);
            complexity = complexity.plus(Math.max(0, b.edgeCount() - coveredComplexity - 1), coveredComplexity);
        }
        complexity = lines.covered() > 0 ? complexity.plus(0, 1) : complexity.plus(1, 0);
        int firstLine = m.lineCount() == 0 ? -1 : m.line(0);
        return new MethodCoverage(m.name(), m.descriptor(), firstLine, lines, branches, complexity);
    }

    private static long edgeHits(MethodRecord r, BranchRecord b, int e) {
        for (BranchRecord rb : r.branches()) {
            if (rb.from() == b.from()) {
                int i = rb.edgeTo(b.target(e), e == 0);
                return i < 0 ? 0 : rb.hits(i);
            }
        }
        return 0;
    }

    /** @return "line 22 → line 48 (offset 14 → 40, right)" */
    static String arc(BranchRecord b, int e) {
        return "line " + b.line() + " \u2192 line " + b.targetLine(e) + " (offset " + b.from() + " \u2192 "
                + b.target(e) + ", " + (e == 0 ? "left" : "right") + ")";
    }

    private static String crcs(List<ClassRecord> versions) {
        List<String> out = new ArrayList<>();
        for (ClassRecord v : versions) {
            out.add(String.format(Locale.ROOT, "%08x", v.crc()));
        }
        return String.join(", ", out);
    }

    private static String listed(Set<String> names) {
        List<String> first = new ArrayList<>();
        for (String n : names) {
            if (first.size() == MAX_LISTED) {
                first.add("...");
                break;
            }
            first.add(n);
        }
        return String.join(", ", first);
    }
}
