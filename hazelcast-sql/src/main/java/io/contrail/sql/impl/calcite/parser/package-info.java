/**
 * The SQL parser, generated in the build from Apache Calcite's grammar template and
 * {@code hazelcast-sql/src/main/codegen} (FMPP, then JavaCC): {@code ContrailSqlParserImpl} and
 * JavaCC's helper classes. Nothing here but this file is committed; use it through
 * {@link io.contrail.sql.impl.parse.SqlParsing}.
 */
package io.contrail.sql.impl.calcite.parser;
