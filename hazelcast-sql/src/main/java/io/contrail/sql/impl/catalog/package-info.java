/**
 * The mapping catalog: {@link io.contrail.sql.impl.catalog.Mapping} records stored by
 * {@link io.contrail.sql.impl.catalog.MappingCatalog} in a cluster IMap, checked by
 * {@link io.contrail.sql.impl.catalog.MappingValidator} against the
 * {@link io.contrail.sql.impl.catalog.Connector}s and their options. Not API.
 */
package io.contrail.sql.impl.catalog;
