/** Serializable functional interfaces, so that lambdas in a DAG can travel to other members. */
package io.contrail.jet.function;
