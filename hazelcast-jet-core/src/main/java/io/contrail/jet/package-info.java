/** Starting a Contrail member: {@link io.contrail.jet.Contrail} and {@link io.contrail.jet.ContrailConfig}. */
package io.contrail.jet;
