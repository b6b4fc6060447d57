package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.analysis.sql.Token;
import dev.optamigrate.core.analysis.sql.TokenCursor;

/**
 * Follows the statements that change the session rather than the schema: an explicit transaction
 * ({@code BEGIN}/{@code START TRANSACTION} up to {@code COMMIT}/{@code ROLLBACK}; in a migration the tool runs in
 * a transaction, a statement after such a COMMIT is reported; a BEGIN inside an open block, and a block a
 * migration outside the tool's transaction never ends, are reported too), a lock timeout
 * ({@code SET lock_timeout}, {@code set_config('lock_timeout', ...)}), and new schemas and tables (whose later
 * changes are safe).
 */
final class SessionStatements implements StatementRules {

    @Override
    public void inspect(SqlStatement statement, ScriptState state) {
        TokenCursor cursor = statement.cursor();
        if (statement.opensTransaction()) {
            if (state.inTransaction()) {
                state.report(Rule.NESTED_TRANSACTION, "This BEGIN is inside the block opened at line "
                        + state.openTransaction().map(SqlStatement::line).orElse(0) + ": PostgreSQL ignores it, so "
                        + "the first COMMIT ends the whole block.");
            } else {
                state.transaction(true);
            }
            return;
        }
        if (statement.endsTransaction()) {
            state.transaction(false);
            if (state.transactional()) {
                state.transactionEnded();
            }
            return;
        }
        if (state.transactionEndedAt() != null) {
            state.reportOnce(Rule.TRANSACTION_CONTROL, "This statement runs after the COMMIT or ROLLBACK at line "
                    + state.transactionEndedAt() + " ended the transaction the tool runs the migration in: if it "
                    + "fails, what ran before stays applied and the migration is not recorded.");
        }
        if (setsLockTimeout(statement)) {
            state.lockTimeoutSet();
        } else if (cursor.accept("create")) {
            created(cursor, state);
        }
    }

    /** After the last statement: a block opened outside the tool's transaction and never ended. */
    static void finished(ScriptState state) {
        if (!state.transactional()) {
            state.openTransaction().ifPresent(begin -> state.reportAt(begin, Rule.UNCOMMITTED_TRANSACTION,
                    "This block is never committed: the migration ends with it open, so whether what follows it "
                            + "stays depends on how the tool closes its connection, and its locks are held until "
                            + "then."));
        }
    }

    private static boolean setsLockTimeout(SqlStatement statement) {
        TokenCursor cursor = statement.cursor();
        if (cursor.accept("set")) {
            cursor.accept("local");
            cursor.accept("session");
            return cursor.accept("lock_timeout");
        }
        return statement.startsWith("select") && statement.contains("set_config") && statement.tokens().stream()
                .anyMatch(token -> token.kind() == Token.Kind.STRING && token.text().equalsIgnoreCase(
                        "'lock_timeout'"));
    }

    private static void created(TokenCursor cursor, ScriptState state) {
        if (cursor.accept("schema")) {
            cursor.acceptAll("if", "not", "exists");
            cursor.name().ifPresent(state::schemaCreated);
            return;
        }
        if (cursor.accept("global") || cursor.accept("local")) {
            cursor.accept("temporary");
            cursor.accept("temp");
        }
        if (!cursor.accept("temporary") && !cursor.accept("temp")) {
            cursor.accept("unlogged");
        }
        if (cursor.accept("table")) {
            cursor.acceptAll("if", "not", "exists");
            cursor.name().ifPresent(state::tableCreated);
        }
    }
}
