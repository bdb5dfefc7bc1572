/** Job coordination: submission, life cycle, job records in IMaps. */
package io.contrail.jet.impl.job;
