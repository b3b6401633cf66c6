package app;

import java.util.ArrayList;
import java.util.List;

/** Application code for the fault programs: loops, branches, calls, exceptions and recursion. */
public class Work {

    public static long compute(int n) {
        long sum = 0;
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(i % 7 == 0 ? -i : i);
        }
        for (int v : values) {
            try {
                sum += check(v);
            } catch (IllegalArgumentException e) {
                sum += e.getMessage().length();
            } finally {
                sum++;
            }
        }
        return sum + fib(12);
    }

    static int check(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative " + v);
        }
        switch (v % 3) {
            case 0:
                return v * 2;
            case 1:
                return v + 1;
            default:
                return v;
        }
    }

    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    /** Recurses until the stack overflows. */
    public static int deep(int depth) {
        return deep(depth + 1) + 1;
    }
}
