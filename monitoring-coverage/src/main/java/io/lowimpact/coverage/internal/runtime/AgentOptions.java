package io.lowimpact.coverage.internal.runtime;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The coverage agent's options: {@code out=<file>}, {@code contexts=true|false}, {@code counts=true|false},
 * separated by commas.
 *
 * @param out the data file
 * @param contexts per-test contexts
 * @param counts hit counts
 */
public record AgentOptions(Path out, boolean contexts, boolean counts) {

    /** The data file when no {@code out=} is given. */
    public static final String DEFAULT_OUT = "lowimpact.cov";

    /**
     * @param options the option string, null or empty for the defaults
     * @return the options
     * @throws IllegalArgumentException naming an unknown, repeated or bad option
     */
    public static AgentOptions parse(String options) {
        Path out = Path.of(DEFAULT_OUT);
        boolean contexts = false;
        boolean counts = false;
        Set<String> seen = new HashSet<>();
        if (options != null && !options.isBlank()) {
            for (String part : options.split(",")) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("invalid coverage agent option '" + part.trim()
                            + "' (must be key=value; known keys: out, contexts, counts)");
                }
                String key = part.substring(0, eq).trim();
                String value = part.substring(eq + 1).trim();
                if (!seen.add(key)) {
                    throw new IllegalArgumentException("coverage agent option '" + key + "' given twice");
                }
                switch (key) {
                    case "out":
                        if (value.isEmpty()) {
                            throw new IllegalArgumentException("coverage agent option 'out' needs a file name");
                        }
                        out = Path.of(value);
                        break;
                    case "contexts":
                        contexts = bool(key, value);
                        break;
                    case "counts":
                        counts = bool(key, value);
                        break;
                    default:
                        throw new IllegalArgumentException("unknown coverage agent option '" + key
                                + "' (known: out, contexts, counts)");
                }
            }
        }
        return new AgentOptions(out, contexts, counts);
    }

    private static boolean bool(String key, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("invalid value '" + value + "' for coverage agent option '" + key
                + "' (must be true or false)");
    }
}
