/**
 * The real-workload benchmark (design.md P9-P11): javac compiling a real library's sources in a fresh JVM per run,
 * under no agent, JaCoCo's agent, and our agent with small tools written against the public API. Entry point:
 * {@link io.lowimpact.monitoring.benchmarks.realworld.RealWorkload}; results and how to run them are in
 * {@code docs/benchmarks.md}, section "Real workload: javac".
 */
package io.lowimpact.monitoring.benchmarks.realworld;
