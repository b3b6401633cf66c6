/**
 * The real-workload benchmarks, each run in fresh JVMs: javac compiling a real library's sources (design.md
 * P9-P11) under no agent, JaCoCo's agent, and our agent with small tools written against the public API (entry
 * point {@link io.lowimpact.monitoring.benchmarks.realworld.RealWorkload}); and a real library's own test suite
 * under no agent, JaCoCo, our coverage tool and its per-test contexts, with our coverage compared to JaCoCo's line
 * by line ({@link io.lowimpact.monitoring.benchmarks.realworld.RealSuite}). Results and how to run them are in
 * {@code docs/benchmarks.md} and {@code docs/coverage.md}.
 */
package io.lowimpact.monitoring.benchmarks.realworld;
