package io.lowimpact.coverage.internal.report;

import io.lowimpact.coverage.internal.data.Session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a report shows: the classes by package, the recording sessions, the contexts, and the problems found
 * (changed class files, recorded classes not among the class files, unreadable class files).
 */
public final class Bundle {

    final String name;
    final SortedMap<String, List<ClassCoverage>> packages = new TreeMap<>();
    final List<Session> sessions = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    boolean hasContexts;

    Bundle(String name) {
        this.name = name;
    }

    void add(ClassCoverage c) {
        packages.computeIfAbsent(c.packageVmName(), k -> new ArrayList<>()).add(c);
    }

    /** @return the problems found while putting the report together */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    Collection<ClassCoverage> classes() {
        List<ClassCoverage> all = new ArrayList<>();
        packages.values().forEach(all::addAll);
        return all;
    }

    /** A source file of a package: the classes compiled from it and their lines, summed. */
    static final class SourceFile {
        final String packageVmName;
        final String name;
        final List<ClassCoverage> classes = new ArrayList<>();
        final SortedMap<Integer, LineCoverage> lines = new TreeMap<>();

        SourceFile(String packageVmName, String name) {
            this.packageVmName = packageVmName;
            this.name = name;
        }

        /** @return {@code com/acme/Foo.java} */
        String path() {
            return packageVmName.isEmpty() ? name : packageVmName + "/" + name;
        }

        Counter counter(java.util.function.Function<ClassCoverage, Counter> of) {
            return Counter.sum(classes, of);
        }
    }

    /** @return the source files of a package, by name; classes without a source file are left out */
    SortedMap<String, SourceFile> sourceFiles(String packageVmName) {
        SortedMap<String, SourceFile> files = new TreeMap<>();
        for (ClassCoverage c : packages.getOrDefault(packageVmName, List.of())) {
            if (c.sourceFile == null) {
                continue;
            }
            SourceFile f = files.computeIfAbsent(c.sourceFile, n -> new SourceFile(packageVmName, n));
            f.classes.add(c);
            for (LineCoverage l : c.lines.values()) {
                f.lines.computeIfAbsent(l.line, LineCoverage::new).add(l);
            }
        }
        return files;
    }

    Counter total(java.util.function.Function<ClassCoverage, Counter> of) {
        return Counter.sum(classes(), of);
    }

    Counter packageTotal(String packageVmName, java.util.function.Function<ClassCoverage, Counter> of) {
        return Counter.sum(packages.get(packageVmName), of);
    }
}
