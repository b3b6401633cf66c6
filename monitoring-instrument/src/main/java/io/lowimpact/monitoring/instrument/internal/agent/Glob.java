package io.lowimpact.monitoring.instrument.internal.agent;

import java.util.regex.Pattern;

/**
 * One class-name glob of {@code include=} or {@code exclude=}: {@code **} matches any characters, {@code *} any
 * characters but a package separator, {@code ?} one such character; everything else matches itself. {@code .}
 * and {@code /} are the same package separator, in globs and in names, so that a glob matches binary names
 * ({@code com.acme.Foo$Bar}) and internal names ({@code com/acme/Foo$Bar}) alike. Immutable.
 */
final class Glob {

    private final String text;
    private final Pattern pattern;
    private final String root;

    private Glob(String text) {
        this.text = text;
        this.pattern = Pattern.compile(regex(text));
        this.root = ClassFilter.defaultRoot(literalPrefix(text));
    }

    /**
     * @param text a glob, already {@linkplain #check checked}
     * @return the compiled glob
     */
    static Glob of(String text) {
        return new Glob(text);
    }

    /**
     * Refuses a glob with characters that cannot occur in a class name.
     *
     * @param option the option it was given in, for the message
     * @param text the glob
     * @throws IllegalArgumentException naming the glob and the option
     */
    static void check(String option, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c == '*' || c == '?' || c == '.' || c == '/'
                    || (Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
            if (!ok) {
                throw new IllegalArgumentException("invalid glob '" + text + "' in agent option '" + option
                        + "' (a glob holds class-name characters, '.', and the wildcards *, ** and ?)");
            }
        }
    }

    /**
     * @param name a binary or internal class name
     * @return whether the glob matches the whole name
     */
    boolean matches(String name) {
        return pattern.matcher(name).matches();
    }

    /**
     * @return the default-excluded root ({@code "java."}, {@code "com.sun."}…) that every name this glob matches
     *         lies in, judged from the glob's text before its first wildcard; null if none
     */
    String root() {
        return root;
    }

    @Override
    public String toString() {
        return text;
    }

    private static String literalPrefix(String text) {
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?') {
                end = i;
                break;
            }
        }
        return text.substring(0, end).replace('/', '.');
    }

    private static String regex(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '*') {
                    b.append(".*");
                    i++;
                } else {
                    b.append("[^./]*");
                }
            } else if (c == '?') {
                b.append("[^./]");
            } else if (c == '.' || c == '/') {
                b.append("[./]");
            } else if (c == '$') {
                b.append("\\$");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
