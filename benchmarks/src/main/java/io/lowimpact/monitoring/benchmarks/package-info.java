/**
 * JMH suites for the performance targets of {@code docs/design.md}. Each {@code <Subject>Benchmark} class states
 * its question in its Javadoc and has a {@code baseline} method; compare variants as ratios within one run.
 * Results, with the commands that produced them, are in {@code docs/benchmarks.md}.
 *
 * <p>The runtime is one per JVM, and JMH forks a JVM per benchmark method and parameter set, so each benchmark
 * claims its tool ids in a trial-level {@code @Setup} and frees them in {@code @TearDown}. Running with
 * {@code -f 0} (in the host JVM) is not supported.
 */
package io.lowimpact.monitoring.benchmarks;
