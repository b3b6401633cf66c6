package io.lowimpact.coverage.internal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The HTML report: self-contained pages (inline style, no script, nothing fetched). {@code index.html} has the
 * totals, the problems, a summary table per package and per class; each source file has a page listing its source
 * with covered, partly covered and missed lines, the missed arcs of each partly covered line, and the tests that
 * reached each line when contexts were recorded.
 */
public final class HtmlReport {

    private static final String STYLE = "body{font-family:sans-serif;margin:1.5em;color:#222}"
            + "table{border-collapse:collapse;margin:0.5em 0 1.5em}"
            + "th,td{border:1px solid #ccc;padding:2px 8px;text-align:right}th{background:#eee}"
            + "td.name,th.name{text-align:left}"
            + "table.src td{border:none;padding:0 6px;text-align:left;vertical-align:top;white-space:pre;font-family:monospace}"
            + "table.src td.nr,table.src td.hits{text-align:right;color:#777}"
            + "tr.covered td.code{background:#ccf2cc}tr.partly td.code{background:#fff2a8}tr.missed td.code{background:#ffc8c8}"
            + "table.src td.note{color:#555;font-family:sans-serif;white-space:normal;font-size:85%;min-width:22em}"
            + ".problem{color:#a00}.legend span{padding:0 6px;margin-right:6px}";

    private HtmlReport() {
    }

    /** Writes {@code index.html} and one page per source file into {@code dir}. */
    public static void write(Bundle bundle, List<Path> sourceRoots, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("index.html"), index(bundle), StandardCharsets.UTF_8);
        for (String pkg : bundle.packages.keySet()) {
            for (Bundle.SourceFile f : bundle.sourceFiles(pkg).values()) {
                Path page = dir.resolve(pagePath(f));
                Files.createDirectories(page.getParent());
                Files.writeString(page, sourcePage(bundle, f, sourceRoots), StandardCharsets.UTF_8);
            }
        }
    }

    static String pagePath(Bundle.SourceFile f) {
        return "src/" + f.path() + ".html";
    }

    static String index(Bundle bundle) {
        StringBuilder h = head(bundle.name);
        h.append("<h1>").append(esc(bundle.name)).append("</h1>");
        h.append("<table id=\"totals\"><tr><th class=\"name\">Total</th>").append(headers()).append("</tr><tr>")
                .append("<td class=\"name\">all classes</td>");
        cells(h, "total-", type -> bundle.total(c -> XmlReport.of(c, type)));
        h.append("</tr></table>");
        if (!bundle.problems.isEmpty()) {
            h.append("<h2>Problems</h2><ul id=\"problems\">");
            for (String p : bundle.problems) {
                h.append("<li class=\"problem\">").append(esc(p)).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("<h2>Packages</h2><table id=\"packages\"><tr><th class=\"name\">Package</th>").append(headers())
                .append("</tr>");
        for (String pkg : bundle.packages.keySet()) {
            h.append("<tr><td class=\"name\"><a href=\"#pkg-").append(esc(pkg)).append("\">")
                    .append(esc(displayPackage(pkg))).append("</a></td>");
            cells(h, "pkg-" + pkg + "-", type -> bundle.packageTotal(pkg, c -> XmlReport.of(c, type)));
            h.append("</tr>");
        }
        h.append("</table>");
        for (String pkg : bundle.packages.keySet()) {
            h.append("<h2 id=\"pkg-").append(esc(pkg)).append("\">").append(esc(displayPackage(pkg))).append("</h2>");
            h.append("<table class=\"classes\"><tr><th class=\"name\">Class</th>").append(headers()).append("</tr>");
            for (ClassCoverage c : bundle.packages.get(pkg)) {
                h.append("<tr><td class=\"name\">");
                if (c.sourceFile != null) {
                    Bundle.SourceFile f = bundle.sourceFiles(pkg).get(c.sourceFile);
                    h.append("<a href=\"").append(esc(pagePath(f))).append("\">").append(esc(simpleName(c.name)))
                            .append("</a>");
                } else {
                    h.append(esc(simpleName(c.name)));
                }
                if (c.problem != null) {
                    h.append(" <span class=\"problem\">(").append(esc(c.problem)).append(")</span>");
                }
                h.append("</td>");
                cells(h, "class-" + c.name + "-", type -> XmlReport.of(c, type));
                h.append("</tr>");
            }
            h.append("</table>");
        }
        sessions(h, bundle);
        return h.append("</body></html>\n").toString();
    }

    static String sourcePage(Bundle bundle, Bundle.SourceFile f, List<Path> sourceRoots) {
        StringBuilder h = head(f.path());
        String up = "../".repeat(f.path().split("/").length);
        h.append("<p><a href=\"").append(up).append("index.html\">").append(esc(bundle.name)).append("</a> &gt; ")
                .append(esc(displayPackage(f.packageVmName))).append("</p>");
        h.append("<h1>").append(esc(f.name)).append("</h1>");
        h.append("<table id=\"totals\"><tr><th class=\"name\">Source file</th>").append(headers()).append("</tr><tr>")
                .append("<td class=\"name\">").append(esc(f.name)).append("</td>");
        cells(h, "file-", type -> "LINE".equals(type) ? ClassCoverage.lineCounter(f.lines.values())
                : f.counter(c -> XmlReport.of(c, type)));
        h.append("</tr></table>");
        h.append("<p class=\"legend\"><span style=\"background:#ccf2cc\">covered</span>"
                + "<span style=\"background:#fff2a8\">partly covered</span>"
                + "<span style=\"background:#ffc8c8\">missed</span></p>");
        List<String> source = Sources.lines(sourceRoots, f.path());
        if (source == null) {
            h.append("<p class=\"problem\">Source file not found under the source roots: only its measured lines"
                    + " are listed.</p>");
        }
        h.append("<table class=\"src\"><tr><th>line</th><th>hits</th><th class=\"name\">source</th>"
                + "<th class=\"name\">notes</th></tr>");
        int last = source != null ? source.size() : (f.lines.isEmpty() ? 0 : f.lines.lastKey());
        for (int nr = 1; nr <= last; nr++) {
            LineCoverage l = f.lines.get(nr);
            if (l == null && source == null) {
                continue;
            }
            String text = source != null ? source.get(nr - 1) : "";
            String css = l == null ? "" : " class=\"" + l.status().name().toLowerCase(Locale.ROOT) + "\"";
            h.append("<tr id=\"L").append(nr).append('"').append(css).append("><td class=\"nr\">").append(nr)
                    .append("</td><td class=\"hits\">").append(l == null ? "" : Long.toString(l.hits))
                    .append("</td><td class=\"code\">").append(esc(text)).append("</td><td class=\"note\">");
            if (l != null) {
                note(h, l);
            }
            h.append("</td></tr>");
        }
        h.append("</table>");
        return h.append("</body></html>\n").toString();
    }

    private static void note(StringBuilder h, LineCoverage l) {
        List<String> notes = new java.util.ArrayList<>();
        if (l.status() == LineCoverage.Status.PARTLY) {
            if (l.edges > 0) {
                notes.add("<span class=\"branches\">" + l.edgesTaken + " of " + l.edges + " branch edges taken</span>");
            }
            for (String arc : l.missedArcs) {
                notes.add("<span class=\"arc\">missed: " + esc(arc) + "</span>");
            }
            if (l.unitsHit < l.units) {
                notes.add("<span class=\"unit\">not run in: " + esc(String.join(", ", l.unitsNotRun)) + "</span>");
            }
        } else if (l.status() == LineCoverage.Status.COVERED && l.edges > 0) {
            notes.add("<span class=\"branches\">all " + l.edges + " branch edges taken</span>");
        }
        if (!l.contexts.isEmpty()) {
            notes.add("<span class=\"tests\">tests: " + esc(String.join(", ", l.contexts)) + "</span>");
        }
        h.append(String.join("<br>", notes));
    }

    private static String headers() {
        return "<th>Lines</th><th>Branches</th><th>Methods</th><th>Classes</th><th>Complexity</th>";
    }

    private static void cells(StringBuilder h, String idPrefix, Function<String, Counter> of) {
        for (String type : new String[] {"LINE", "BRANCH", "METHOD", "CLASS", "COMPLEXITY"}) {
            Counter c = of.apply(type);
            h.append("<td id=\"").append(esc(idPrefix + type)).append("\" data-missed=\"").append(c.missed())
                    .append("\" data-covered=\"").append(c.covered()).append("\">").append(c.covered()).append(" of ")
                    .append(c.total()).append(" (").append(c.percent()).append(")</td>");
        }
    }

    private static void sessions(StringBuilder h, Bundle bundle) {
        if (bundle.sessions.isEmpty()) {
            return;
        }
        h.append("<h2>Sessions</h2><table id=\"sessions\"><tr><th class=\"name\">JVM</th><th>start</th><th>dump</th></tr>");
        for (var s : bundle.sessions) {
            h.append("<tr><td class=\"name\">").append(esc(s.id())).append("</td><td>")
                    .append(java.time.Instant.ofEpochMilli(s.startMillis())).append("</td><td>")
                    .append(java.time.Instant.ofEpochMilli(s.dumpMillis())).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>")
                .append(esc(title)).append("</title><style>").append(STYLE).append("</style></head><body>");
    }

    private static String displayPackage(String vmName) {
        return vmName.isEmpty() ? "(default package)" : vmName.replace('/', '.');
    }

    private static String simpleName(String binaryName) {
        return binaryName.substring(binaryName.lastIndexOf('.') + 1);
    }

    static String esc(String s) {
        return XmlReport.escape(s);
    }
}
