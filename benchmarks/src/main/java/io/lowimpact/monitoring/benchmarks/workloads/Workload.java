package io.lowimpact.monitoring.benchmarks.workloads;

/** What the bytecode benchmarks call, so that an instrumented copy in its own class loader fits the same type. */
public interface Workload {

    /** @param input text to scan @return a checksum of the tokens: a parser-like method with many branches */
    int scan(String input);

    /** @param n depth @return the n-th Fibonacci number, recursively */
    int fib(int n);

    /** @param values values @return the sum of the positive ones: a hot loop */
    int sumPositive(int[] values);

    /** @param x a value @return a small function that must inline */
    int small(int x);
}
