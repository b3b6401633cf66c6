package io.lowimpact.monitoring.instrument.corpus.targets;

/** break, continue and a labelled break. Line numbers matter: the tests name them. */
public final class BreakContinue {

    private BreakContinue() {
    }

    public static int skipOddStopAt(int n, int stop) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            if (i % 2 == 1) {
                continue;
            }
            if (i == stop) {
                break;
            }
            sum += i;
        }
        return sum;
    }

    public static int firstPair(int limit) {
        int found = -1;
        outer:
        for (int i = 1; i < 3; i++) {
            for (int j = 1; j < 3; j++) {
                if (i * j >= limit) {
                    found = 10 * i + j;
                    break outer;
                }
            }
        }
        return found;
    }
}
