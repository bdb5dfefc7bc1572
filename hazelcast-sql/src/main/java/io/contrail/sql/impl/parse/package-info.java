/**
 * The AST of Contrail's own SQL statements, one immutable {@link org.apache.calcite.sql.SqlCall}
 * per statement, each with a static {@code OPERATOR} and an {@code unparse} that reads back as
 * the same statement; the checks a statement needs once it is read
 * ({@link io.contrail.sql.impl.parse.ValidatableStatement}), with their texts in
 * {@link io.contrail.sql.impl.parse.ParserResource}; and the entry point
 * {@link io.contrail.sql.impl.parse.SqlParsing}.
 *
 * <p>Statements: mappings ({@link io.contrail.sql.impl.parse.SqlCreateMapping},
 * {@link io.contrail.sql.impl.parse.SqlDropMapping}, {@link io.contrail.sql.impl.parse.SqlShowMappings}),
 * jobs ({@link io.contrail.sql.impl.parse.SqlCreateJob}, {@link io.contrail.sql.impl.parse.SqlAlterJob},
 * {@link io.contrail.sql.impl.parse.SqlDropJob}, {@link io.contrail.sql.impl.parse.SqlShowJobs},
 * {@link io.contrail.sql.impl.parse.SqlShowJob}, {@link io.contrail.sql.impl.parse.SqlShowJobsWhenComplete},
 * {@link io.contrail.sql.impl.parse.SqlControlJob}, {@link io.contrail.sql.impl.parse.SqlControlJobs}),
 * snapshots ({@link io.contrail.sql.impl.parse.SqlCreateSnapshot},
 * {@link io.contrail.sql.impl.parse.SqlDropSnapshot}, {@link io.contrail.sql.impl.parse.SqlShowSnapshots})
 * and {@link io.contrail.sql.impl.parse.SqlSinkInto}.
 */
package io.contrail.sql.impl.parse;
