package io.lowimpact.coverage.internal.report;

/**
 * Missed and covered items, as in JaCoCo's {@code <counter type missed covered/>}.
 *
 * @param missed items not covered
 * @param covered items covered
 */
record Counter(int missed, int covered) {

    static final Counter EMPTY = new Counter(0, 0);

    Counter plus(Counter other) {
        return new Counter(missed + other.missed, covered + other.covered);
    }

    Counter plus(int missedMore, int coveredMore) {
        return new Counter(missed + missedMore, covered + coveredMore);
    }

    int total() {
        return missed + covered;
    }

    /** @return "75.0%", or "n/a" when there is nothing to count */
    String percent() {
        if (total() == 0) {
            return "n/a";
        }
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * covered / total());
    }
}
