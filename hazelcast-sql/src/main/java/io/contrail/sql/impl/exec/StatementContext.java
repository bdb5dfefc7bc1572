package io.contrail.sql.impl.exec;

import static java.util.Objects.requireNonNull;

/**
 * Who runs a statement and its text, as the job it starts records them.
 *
 * @param text the statement as the client sent it
 * @param user the user running it
 */
public record StatementContext(String text, String user) {

    public StatementContext {
        requireNonNull(text, "text is null");
        requireNonNull(user, "user is null");
    }
}
