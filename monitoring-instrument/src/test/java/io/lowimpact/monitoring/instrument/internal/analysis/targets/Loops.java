package io.lowimpact.monitoring.instrument.internal.analysis.targets;

import java.util.List;

/** Loops: their back edges jump to line points. Tests assert its line numbers: keep the layout. */
public final class Loops {

    private Loops() {
    }

    public static int sumTo(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += i;
        }
        return sum;
    }

    public static int halve(int n) {
        int steps = 0;
        while (n > 1) {
            n /= 2;
            steps++;
        }
        return steps;
    }

    public static int countDown(int n) {
        do {
            n--;
        } while (n > 0);
        return n;
    }

    public static int total(int[] values) {
        int total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }

    public static int length(List<String> words) {
        int length = 0;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            length += w.length();
        }
        return length;
    }
}
