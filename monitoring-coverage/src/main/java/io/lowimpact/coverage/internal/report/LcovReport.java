package io.lowimpact.coverage.internal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The LCOV tracefile ({@code lcov.info}): per source file {@code SF}, functions ({@code FN}/{@code FNDA}),
 * branch edges ({@code BRDA:line,block,edge,hits}, {@code -} on a line never reached), lines ({@code DA}) and
 * their totals. {@code SF} is the source file found under the source roots, else its path in the package.
 */
public final class LcovReport {

    private LcovReport() {
    }

    /** Writes the tracefile. */
    public static void write(Bundle bundle, List<Path> sourceRoots, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(bundle, sourceRoots), StandardCharsets.UTF_8);
    }

    /** @return the tracefile's text */
    public static String render(Bundle bundle, List<Path> sourceRoots) {
        StringBuilder o = new StringBuilder();
        for (String pkg : bundle.packages.keySet()) {
            for (Bundle.SourceFile f : bundle.sourceFiles(pkg).values()) {
                o.append("TN:").append(bundle.name.replaceAll("[^A-Za-z0-9_]", "_")).append('\n');
                Path source = Sources.find(sourceRoots, f.path());
                o.append("SF:").append(source != null ? source.toAbsolutePath().normalize() : f.path()).append('\n');
                int fnf = 0;
                int fnh = 0;
                for (ClassCoverage c : f.classes) {
                    for (MethodCoverage m : c.methods) {
                        String name = c.name + "." + m.name() + m.descriptor();
                        o.append("FN:").append(m.firstLine()).append(',').append(name).append('\n');
                        o.append("FNDA:").append(m.covered() ? 1 : 0).append(',').append(name).append('\n');
                        fnf++;
                        fnh += m.covered() ? 1 : 0;
                    }
                }
                o.append("FNF:").append(fnf).append('\n').append("FNH:").append(fnh).append('\n');
                int brf = 0;
                int brh = 0;
                int block = 0;
                for (LineCoverage l : f.lines.values()) {
                    for (long[] edges : l.branchHits) {
                        for (int e = 0; e < edges.length; e++) {
                            o.append("BRDA:").append(l.line).append(',').append(block).append(',').append(e).append(',')
                                    .append(l.unitsHit == 0 ? "-" : Long.toString(edges[e])).append('\n');
                            brf++;
                            brh += edges[e] > 0 ? 1 : 0;
                        }
                        block++;
                    }
                }
                o.append("BRF:").append(brf).append('\n').append("BRH:").append(brh).append('\n');
                int lh = 0;
                for (LineCoverage l : f.lines.values()) {
                    o.append("DA:").append(l.line).append(',').append(l.hits).append('\n');
                    lh += l.hits > 0 ? 1 : 0;
                }
                o.append("LF:").append(f.lines.size()).append('\n').append("LH:").append(lh).append('\n');
                o.append("end_of_record\n");
            }
        }
        return o.toString();
    }
}
