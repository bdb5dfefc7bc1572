/**
 * The end-to-end runner of the reference query of {@code BENCHMARKS.md} (sliding-window count
 * per key): {@link io.contrail.benchmarks.e2e.SlidingWindowRunner} runs each engine under test
 * ({@link io.contrail.benchmarks.e2e.EngineUnderTest}) in a fresh member, one after another in
 * one process, and prints throughput, latency percentiles and heap in one table.
 *
 * <p>Threading: the runner's main thread starts, samples and stops the runs; the engines'
 * sources and sinks report through {@link io.contrail.benchmarks.e2e.QueryProbes}, whose
 * counters and latency recorder are safe for concurrent writers.
 */
package io.contrail.benchmarks.e2e;
