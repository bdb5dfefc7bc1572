/**
 * The core API: a {@link io.contrail.jet.core.DAG} of {@link io.contrail.jet.core.Vertex vertices}
 * and {@link io.contrail.jet.core.Edge edges}, and the {@link io.contrail.jet.core.Processor}
 * contract with its {@link io.contrail.jet.core.Inbox} and {@link io.contrail.jet.core.Outbox}.
 */
package io.contrail.jet.core;
