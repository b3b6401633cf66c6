package io.lowimpact.monitoring.instrument.corpus.targets;

import java.util.List;

/** for, enhanced for over an array and a List, while, do-while. Line numbers matter: the tests name them. */
public final class Loops {

    private Loops() {
    }

    public static int forLoop(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += i;
        }
        return sum;
    }

    public static int overArray(int n) {
        int[] values = {n, n + 1};
        int sum = 0;
        for (int v : values) {
            sum += v;
        }
        return sum;
    }

    public static int overList(String a, String b) {
        int total = 0;
        for (String s : List.of(a, b)) {
            total += s.length();
        }
        return total;
    }

    public static int whileLoop(int n) {
        int steps = 0;
        while (n > 1) {
            n = n / 2;
            steps++;
        }
        return steps;
    }

    public static int doWhile(int n) {
        int count = 0;
        do {
            count++;
        } while (count < n);
        return count;
    }
}
