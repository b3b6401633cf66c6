package io.lowimpact.monitoring.benchmarks.realworld;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The statistics of the real-workload report: medians, and medians of per-round ratios. */
final class Stats {

    private Stats() {
    }

    /**
     * @param values the values (not modified)
     * @return their median (the mean of the two middle values for an even count); NaN when empty
     */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The median over rounds of {@code value / baseline} within each round, taking only rounds where both are
     * known: a round's ratio is not disturbed by a slower or faster machine in another round.
     *
     * @param values a mode's value per round
     * @param baseline the baseline's value per round
     * @return the median ratio; NaN when no round has both
     */
    static double medianRatio(Map<Integer, Double> values, Map<Integer, Double> baseline) {
        List<Double> ratios = new ArrayList<>();
        values.forEach((round, v) -> {
            Double b = baseline.get(round);
            if (b != null && b != 0) {
                ratios.add(v / b);
            }
        });
        return median(ratios);
    }

    /**
     * The median over rounds of {@code value - baseline} within each round, taking only rounds where both are
     * known.
     *
     * @param values a mode's value per round
     * @param baseline the baseline's value per round
     * @return the median difference; NaN when no round has both
     */
    static double medianDifference(Map<Integer, Double> values, Map<Integer, Double> baseline) {
        List<Double> diffs = new ArrayList<>();
        values.forEach((round, v) -> {
            Double b = baseline.get(round);
            if (b != null) {
                diffs.add(v - b);
            }
        });
        return median(diffs);
    }
}
