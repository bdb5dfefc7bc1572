/** Test support that ships with the API: drive a processor through its contract without an engine. */
package io.contrail.jet.core.test;
