package io.lowimpact.coverage.internal.report;

import java.util.function.Function;

/**
 * Missed and covered items, as in JaCoCo's {@code <counter type missed covered/>}.
 *
 * @param missed items not covered
 * @param covered items covered
 */
record Counter(int missed, int covered) {

    static final Counter EMPTY = new Counter(0, 0);

    /** @return one item, covered or missed */
    static Counter one(boolean covered) {
        return covered ? new Counter(0, 1) : new Counter(1, 0);
    }

    /** @return the sum of {@code of} over {@code items} */
    static <T> Counter sum(Iterable<T> items, Function<T, Counter> of) {
        Counter c = EMPTY;
        for (T item : items) {
            c = c.plus(of.apply(item));
        }
        return c;
    }

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
