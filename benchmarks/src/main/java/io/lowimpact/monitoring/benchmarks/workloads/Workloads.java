package io.lowimpact.monitoring.benchmarks.workloads;

/**
 * The measured code, loaded by the benchmarks as original and instrumented copies, each in its own class loader.
 * Kept free of JDK calls on the hot paths, so that what is measured is this code and its probes.
 */
public final class Workloads implements Workload {

    /** Made reflectively by the benchmarks. */
    public Workloads() {
    }

    @Override
    public int scan(String input) {
        int sum = 0;
        int number = 0;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= '0' && c <= '9') {
                number = number * 10 + (c - '0');
                continue;
            }
            sum += number;
            number = 0;
            switch (c) {
                case '+':
                    sum += 1;
                    break;
                case '-':
                    sum -= 1;
                    break;
                case '(':
                case ')':
                    sum ^= 7;
                    break;
                default:
                    if (Character.isLetter(c)) {
                        sum += c;
                    } else if (c == ' ') {
                        sum += 2;
                    }
            }
        }
        return sum + number;
    }

    @Override
    public int fib(int n) {
        if (n < 2) {
            return n;
        }
        return fib(n - 1) + fib(n - 2);
    }

    @Override
    public int sumPositive(int[] values) {
        int sum = 0;
        for (int v : values) {
            if (v > 0) {
                sum += v;
            }
        }
        return sum;
    }

    @Override
    public int small(int x) {
        return x > 100 ? x - 100 : x + 1;
    }
}
