/**
 * The execution engine: a job's share of a DAG on this member becomes one
 * {@link io.contrail.jet.impl.execution.ProcessorTasklet} per processor, connected by bounded SPSC
 * queues, run by the {@link io.contrail.jet.impl.execution.TaskletExecutionService}.
 */
package io.contrail.jet.impl.execution;
