/** Jobs: submitting a DAG with a {@link io.contrail.jet.job.JobConfig}, and the {@link io.contrail.jet.job.Job} handle. */
package io.contrail.jet.job;
