package io.lowimpact.coverage.internal.report;

import io.lowimpact.coverage.internal.data.Session;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * The XML report, in JaCoCo's format ({@code report.dtd} 1.1: the same elements, attributes and counter names),
 * so that tools reading JaCoCo's XML read this. Counters are {@code LINE}, {@code BRANCH}, {@code COMPLEXITY},
 * {@code METHOD} and {@code CLASS}; there is no {@code INSTRUCTION} counter (Lowimpact measures lines and
 * branch edges, not instructions), and a line's {@code mi}/{@code ci} count the code units that have the line
 * and did not or did reach it.
 */
public final class XmlReport {

    private static final List<String> TYPES = List.of("BRANCH", "LINE", "COMPLEXITY", "METHOD", "CLASS");

    private XmlReport() {
    }

    /** Writes the report to a file. */
    public static void write(Bundle bundle, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(render(bundle));
        }
    }

    /** @return the report as a string */
    public static String render(Bundle bundle) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>");
        x.append("<!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\">");
        x.append("<report name=\"").append(escape(bundle.name)).append("\">");
        for (Session s : bundle.sessions) {
            x.append("<sessioninfo id=\"").append(escape(s.id())).append("\" start=\"").append(s.startMillis())
                    .append("\" dump=\"").append(s.dumpMillis()).append("\"/>");
        }
        for (String pkg : bundle.packages.keySet()) {
            x.append("<package name=\"").append(escape(pkg)).append("\">");
            for (ClassCoverage c : bundle.packages.get(pkg)) {
                x.append("<class name=\"").append(escape(c.vmName())).append('"');
                if (c.sourceFile != null) {
                    x.append(" sourcefilename=\"").append(escape(c.sourceFile)).append('"');
                }
                x.append('>');
                for (MethodCoverage m : c.methods) {
                    x.append("<method name=\"").append(escape(m.name())).append("\" desc=\"")
                            .append(escape(m.descriptor())).append('"');
                    if (m.firstLine() >= 0) {
                        x.append(" line=\"").append(m.firstLine()).append('"');
                    }
                    x.append('>');
                    counters(x, type -> switch (type) {
                        case "BRANCH" -> m.branches();
                        case "LINE" -> m.lines();
                        case "COMPLEXITY" -> m.complexity();
                        default -> m.methods();
                    }, List.of("BRANCH", "LINE", "COMPLEXITY", "METHOD"));
                    x.append("</method>");
                }
                counters(x, type -> of(c, type), TYPES);
                x.append("</class>");
            }
            SortedMap<String, Bundle.SourceFile> files = bundle.sourceFiles(pkg);
            for (Bundle.SourceFile f : files.values()) {
                x.append("<sourcefile name=\"").append(escape(f.name)).append("\">");
                for (LineCoverage l : f.lines.values()) {
                    x.append("<line nr=\"").append(l.line).append("\" mi=\"").append(l.units - l.unitsHit)
                            .append("\" ci=\"").append(l.unitsHit).append("\" mb=\"").append(l.edges - l.edgesTaken)
                            .append("\" cb=\"").append(l.edgesTaken).append("\"/>");
                }
                counters(x, type -> "LINE".equals(type) ? ClassCoverage.lineCounter(f.lines.values())
                        : f.counter(c -> of(c, type)), TYPES);
                x.append("</sourcefile>");
            }
            counters(x, type -> bundle.packageTotal(pkg, c -> of(c, type)), TYPES);
            x.append("</package>");
        }
        counters(x, type -> bundle.total(c -> of(c, type)), TYPES);
        x.append("</report>");
        return x.toString();
    }

    static Counter of(ClassCoverage c, String type) {
        return switch (type) {
            case "BRANCH" -> c.branches();
            case "LINE" -> c.lineCounter();
            case "COMPLEXITY" -> c.complexity();
            case "METHOD" -> c.methodCounter();
            default -> c.classCounter();
        };
    }

    private static void counters(StringBuilder x, Function<String, Counter> of, List<String> types) {
        for (String type : types) {
            Counter c = of.apply(type);
            if (c.total() == 0) {
                continue; // as JaCoCo: no counter with nothing to count
            }
            x.append("<counter type=\"").append(type).append("\" missed=\"").append(c.missed())
                    .append("\" covered=\"").append(c.covered()).append("\"/>");
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
