package io.lowimpact.monitoring.instrument.internal.analysis.targets;

/** Straight-line code. Tests assert its line numbers: keep the layout. */
public final class StraightLine {

    private StraightLine() {
    }

    public static int add(int a, int b) {
        int sum = a + b;
        sum *= 2;
        return sum;
    }
}
