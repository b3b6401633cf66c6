package io.lowimpact.coverage;

/**
 * How {@link Coverage} records.
 *
 * @param counts count every hit of a line or edge; off by default: each callback then returns {@code DISABLE}
 *        after the first hit, so covered code runs at full speed, and a count is the number of contexts that
 *        reached the location (1 without contexts)
 * @param contexts record which context (test) reached each line; the JUnit Platform listener
 *        {@link io.lowimpact.coverage.junit.CoverageContextListener} switches contexts only when this is on
 */
public record CoverageOptions(boolean counts, boolean contexts) {

    /** @return no counts, no contexts: line and branch coverage at the lowest cost */
    public static CoverageOptions defaults() {
        return new CoverageOptions(false, false);
    }

    /**
     * @param on whether to count every hit
     * @return these options with hit counts on or off
     */
    public CoverageOptions withCounts(boolean on) {
        return new CoverageOptions(on, contexts);
    }

    /**
     * @param on whether to record contexts
     * @return these options with per-test contexts on or off
     */
    public CoverageOptions withContexts(boolean on) {
        return new CoverageOptions(counts, on);
    }
}
