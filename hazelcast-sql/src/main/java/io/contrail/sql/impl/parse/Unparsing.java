package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;

/** Pieces of {@code unparse} that several statements share. */
final class Unparsing {

    private Unparsing() {
    }

    /** Writes {@code OPTIONS ('k' = 'v', ...)}, or nothing for no options. */
    static void options(SqlWriter writer, SqlNodeList options) {
        if (options.isEmpty()) {
            return;
        }
        writer.keyword("OPTIONS");
        list(writer, options);
    }

    /** Writes the nodes comma-separated in parentheses. */
    static void list(SqlWriter writer, SqlNodeList nodes) {
        SqlWriter.Frame frame = writer.startList("(", ")");
        separated(writer, nodes);
        writer.endList(frame);
    }

    /** Writes the nodes comma-separated, without parentheses. */
    static void commaList(SqlWriter writer, SqlNodeList nodes) {
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SIMPLE);
        separated(writer, nodes);
        writer.endList(frame);
    }

    private static void separated(SqlWriter writer, SqlNodeList nodes) {
        for (SqlNode node : nodes) {
            writer.sep(",");
            node.unparse(writer, 0, 0);
        }
    }

    /**
     * Writes a query in one pair of parentheses. A SELECT writes its own when it is not the
     * outermost query (Calcite's {@code SqlWriter.inQuery()}), which the frame opened here
     * makes sure of; other queries (ORDER BY, WITH, UNION, VALUES) get ours.
     */
    static void parenthesized(SqlWriter writer, SqlNode query) {
        SqlWriter.Frame outer = writer.startList(SqlWriter.FrameTypeEnum.SIMPLE);
        if (query.getKind() == SqlKind.SELECT) {
            query.unparse(writer, 0, 0);
        } else {
            SqlWriter.Frame parentheses = writer.startList("(", ")");
            query.unparse(writer, 0, 0);
            writer.endList(parentheses);
        }
        writer.endList(outer);
    }
}
