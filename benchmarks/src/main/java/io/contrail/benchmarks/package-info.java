/**
 * JMH micro-benchmarks of Contrail's hot path, named {@code <Subject><Variant>Benchmark}; run
 * them from {@code benchmarks/target/benchmarks.jar} (see the module's {@code README.md}). The
 * end-to-end runner of the reference query lives in {@link io.contrail.benchmarks.e2e}.
 */
package io.contrail.benchmarks;
