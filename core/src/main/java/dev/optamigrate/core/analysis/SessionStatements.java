package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.analysis.sql.Token;
import dev.optamigrate.core.analysis.sql.TokenCursor;

/**
 * Follows the statements that change the session rather than the schema: an explicit transaction
 * ({@code BEGIN}/{@code START TRANSACTION} up to {@code COMMIT}/{@code ROLLBACK}; in a migration the tool runs in
 * a transaction, a statement after such a COMMIT is reported), a lock timeout
 * ({@code SET lock_timeout}, {@code set_config('lock_timeout', ...)}), and new tables (whose later changes are
 * safe).
 */
final class SessionStatements implements StatementRules {

    @Override
    public void inspect(SqlStatement statement, ScriptState state) {
        TokenCursor cursor = statement.cursor();
        if (statement.opensTransaction()) {
            state.transaction(true);
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
            tableCreated(cursor, state);
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

    private static void tableCreated(TokenCursor cursor, ScriptState state) {
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
