package io.lowimpact.monitoring.benchmarks.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfOddCountIsTheMiddleValue() {
        assertEquals(3.0, Stats.median(List.of(5.0, 1.0, 3.0)));
    }

    @Test
    void medianOfEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 3.0, 2.0)));
    }

    @Test
    void medianOfNothingIsNaN() {
        assertTrue(Double.isNaN(Stats.median(List.of())));
    }

    @Test
    void medianRatioTakesRatiosWithinEachRound() {
        // Round 1: 2/1, round 2: 6/2, round 3: 4/4; round 4 has no baseline and is left out.
        Map<Integer, Double> mode = Map.of(1, 2.0, 2, 6.0, 3, 4.0, 4, 100.0);
        Map<Integer, Double> base = Map.of(1, 1.0, 2, 2.0, 3, 4.0);
        assertEquals(2.0, Stats.medianRatio(mode, base));
    }

    @Test
    void medianRatioIsNotTheRatioOfMedians() {
        Map<Integer, Double> mode = Map.of(1, 10.0, 2, 30.0);
        Map<Integer, Double> base = Map.of(1, 10.0, 2, 10.0);
        assertEquals(2.0, Stats.medianRatio(mode, base));
    }

    @Test
    void medianDifferenceWithinEachRound() {
        Map<Integer, Double> mode = Map.of(1, 12.0, 2, 15.0, 3, 11.0);
        Map<Integer, Double> base = Map.of(1, 10.0, 2, 10.0, 3, 10.0);
        assertEquals(2.0, Stats.medianDifference(mode, base));
    }
}
