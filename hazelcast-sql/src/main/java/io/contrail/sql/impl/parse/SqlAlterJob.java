package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * {@code ALTER JOB name { SUSPEND | RESUME | RESTART | OPTIONS ('key' = 'value', ...) RESUME }}:
 * suspends, resumes or restarts a job; a suspended job may resume with changed options, all
 * but the ones fixed at creation ({@link JobOption#isAlterable()}).
 */
public final class SqlAlterJob extends SqlCall implements ValidatableStatement {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("ALTER JOB", SqlKind.OTHER_DDL);

    /** What ALTER JOB does to the job. */
    public enum Operation {
        /** Stops the job, keeping its state in a snapshot to resume from. */
        SUSPEND,
        /** Resumes a suspended job from its last snapshot. */
        RESUME,
        /** Stops and restarts the job from its last snapshot. */
        RESTART
    }

    private final SqlIdentifier name;
    private final SqlNodeList options;
    private final Operation operation;

    /** @param options {@link SqlOption}s, only with {@link Operation#RESUME}; else empty */
    public SqlAlterJob(SqlParserPos pos, SqlIdentifier name, SqlNodeList options, Operation operation) {
        super(pos);
        this.name = requireNonNull(name, "name is null");
        this.options = requireNonNull(options, "options is null");
        this.operation = requireNonNull(operation, "operation is null");
        if (!options.isEmpty() && operation != Operation.RESUME) {
            throw new IllegalArgumentException("options only go with RESUME");
        }
    }

    public SqlIdentifier getName() {
        return name;
    }

    /** The options to resume with ({@link SqlOption}), empty when none are given. */
    public SqlNodeList getOptions() {
        return options;
    }

    /** The options by name, in the order given; call after {@link #validate()}. */
    public Map<String, String> getOptionMap() {
        return JobOption.validate(options, true);
    }

    public Operation getOperation() {
        return operation;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, options);
    }

    /** The options are known, alterable, given once and valid. */
    @Override
    public void validate() {
        JobOption.validate(options, true);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ALTER JOB");
        name.unparse(writer, 0, 0);
        Unparsing.options(writer, options);
        writer.keyword(operation.name());
    }
}
