package io.lowimpact.tools.profiler.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A self-contained HTML flame graph of collapsed stacks: the page ({@code flamegraph.html} beside this class) has
 * its script and style inline and fetches nothing. The stacks are embedded as one JavaScript string; the page
 * builds the tree, draws one {@code div.frame} per frame (root at the bottom, width by value), and offers a
 * search (regex, with the matched total) and zoom (click; {@code #search=...&zoom=a;b} in the address too).
 */
public final class FlameGraphHtml {

    private static final String TEMPLATE = template();

    private FlameGraphHtml() {
    }

    /**
     * @param collapsed collapsed stacks, {@code frame;frame value} per line
     * @param title the page's title
     * @return the page
     */
    public static String render(String collapsed, String title) {
        int at = TEMPLATE.indexOf("__DATA__");
        String head = TEMPLATE.substring(0, at).replace("__TITLE__", escapeHtml(title));
        String tail = TEMPLATE.substring(at + "__DATA__".length()).replace("__TITLE__", escapeHtml(title));
        StringBuilder out = new StringBuilder(head.length() + tail.length() + collapsed.length() * 11 / 10);
        out.append(head);
        escapeJs(collapsed, out);
        return out.append(tail).toString();
    }

    /** Inside a double-quoted script string: no quote, backslash, line break or {@code <} (no {@code </script>}). */
    static void escapeJs(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                default:
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String template() {
        try (InputStream in = FlameGraphHtml.class.getResourceAsStream("flamegraph.html")) {
            if (in == null) {
                throw new IllegalStateException("flamegraph.html is missing beside " + FlameGraphHtml.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
