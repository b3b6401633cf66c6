package io.lowimpact.coverage.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** One class: its methods' counters and its lines. */
final class ClassCoverage {

    /** Binary name, {@code com.acme.Foo$Bar}. */
    final String name;
    final String sourceFile;
    final List<MethodCoverage> methods = new ArrayList<>();
    final SortedMap<Integer, LineCoverage> lines = new TreeMap<>();
    /** Why the recorded coverage of this class was not used, or null. */
    String problem;

    ClassCoverage(String name, String sourceFile) {
        this.name = name;
        this.sourceFile = sourceFile;
    }

    /** @return {@code com/acme/Foo$Bar} */
    String vmName() {
        return name.replace('.', '/');
    }

    /** @return {@code com/acme}, empty for the default package */
    String packageVmName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot).replace('.', '/');
    }

    LineCoverage line(int line) {
        return lines.computeIfAbsent(line, LineCoverage::new);
    }

    Counter lineCounter() {
        return lineCounter(lines.values());
    }

    static Counter lineCounter(Iterable<LineCoverage> lines) {
        int missed = 0;
        int covered = 0;
        for (LineCoverage l : lines) {
            if (l.status() == LineCoverage.Status.MISSED) {
                missed++;
            } else {
                covered++;
            }
        }
        return new Counter(missed, covered);
    }

    Counter branches() {
        return Counter.sum(methods, MethodCoverage::branches);
    }

    Counter complexity() {
        return Counter.sum(methods, MethodCoverage::complexity);
    }

    Counter methodCounter() {
        return Counter.sum(methods, MethodCoverage::methods);
    }

    Counter classCounter() {
        return Counter.one(methodCounter().covered() > 0);
    }
}
