package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.SqlWriter;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static io.contrail.sql.impl.parse.ParserResource.RESOURCE;

/**
 * The options of CREATE USER or ALTER USER, checked: each kind at most once, and not both
 * CONTROLJOB and NOCONTROLJOB.
 *
 * @param passwordGiven whether a PASSWORD option was given
 * @param password      the password of {@code PASSWORD 'pw'}; {@code null} for {@code PASSWORD
 *                      NULL} (no password) or when none was given
 * @param controlJob    {@code true} for CONTROLJOB, {@code false} for NOCONTROLJOB, empty when
 *                      neither was given
 */
public record UserOptions(boolean passwordGiven, String password, Optional<Boolean> controlJob) {

    /**
     * Checks the options.
     *
     * @throws org.apache.calcite.runtime.CalciteContextException at the first offending option
     */
    public static UserOptions of(SqlNodeList options) {
        Map<SqlUserOption.Kind, SqlUserOption> seen = new EnumMap<>(SqlUserOption.Kind.class);
        for (SqlNode node : options) {
            SqlUserOption option = (SqlUserOption) node;
            SqlUserOption.Kind kind = option.getOptionKind();
            boolean control = kind == SqlUserOption.Kind.CONTROLJOB || kind == SqlUserOption.Kind.NOCONTROLJOB;
            if (seen.containsKey(kind) || (control && (seen.containsKey(SqlUserOption.Kind.CONTROLJOB)
                    || seen.containsKey(SqlUserOption.Kind.NOCONTROLJOB)))) {
                throw SqlUtil.newContextException(option.getParserPosition(),
                        RESOURCE.conflictingUserOption(kind.name()));
            }
            seen.put(kind, option);
        }
        SqlUserOption password = seen.get(SqlUserOption.Kind.PASSWORD);
        Optional<Boolean> controlJob = seen.containsKey(SqlUserOption.Kind.CONTROLJOB) ? Optional.of(true)
                : seen.containsKey(SqlUserOption.Kind.NOCONTROLJOB) ? Optional.of(false) : Optional.empty();
        return new UserOptions(password != null, password == null ? null : password.getPassword(), controlJob);
    }

    /** Writes the options after the user name. */
    static void unparse(SqlWriter writer, SqlNodeList options) {
        if (!options.isEmpty()) {
            writer.keyword("WITH");
        }
        for (SqlNode option : options) {
            option.unparse(writer, 0, 0);
        }
    }
}
