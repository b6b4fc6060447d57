package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.analysis.sql.Token;
import dev.optamigrate.core.analysis.sql.TokenCursor;
import java.util.List;

/**
 * Maintenance that locks a table for its whole run: {@code VACUUM FULL}, {@code CLUSTER}, {@code REINDEX}
 * without CONCURRENTLY, {@code ALTER INDEX ... SET TABLESPACE}.
 */
final class MaintenanceRules implements StatementRules {

    @Override
    public void inspect(SqlStatement statement, ScriptState state) {
        TokenCursor cursor = statement.cursor();
        if (cursor.accept("vacuum") && full(cursor)) {
            lock(state, "VACUUM FULL rewrites " + target(cursor) + " under ACCESS EXCLUSIVE: reads and writes wait "
                    + "until the copy is done.");
        } else if (cursor.accept("cluster")) {
            lock(state, "CLUSTER rewrites " + target(cursor) + " in index order under ACCESS EXCLUSIVE: reads and "
                    + "writes wait until it is done.");
        } else if (cursor.accept("reindex")) {
            reindex(statement, cursor, state);
        } else if (cursor.acceptAll("alter", "index") && statement.contains("tablespace")) {
            lock(state, "ALTER INDEX ... SET TABLESPACE copies the index under ACCESS EXCLUSIVE on its table: "
                    + "reads and writes wait.");
        }
    }

    private static void reindex(SqlStatement statement, TokenCursor cursor, ScriptState state) {
        if (!statement.contains("concurrently")) {
            cursor.skipGroup();
            lock(state, "REINDEX without CONCURRENTLY blocks writes to the table, and reads that would use the "
                    + "index, until every index is rebuilt.");
        } else if (state.pgVersion() < 12) {
            lock(state, "REINDEX CONCURRENTLY needs PostgreSQL 12; on " + state.pgVersion() + " the statement "
                    + "fails.");
        } else {
            ConcurrentStatements.check(state, "REINDEX CONCURRENTLY");
        }
    }

    /** {@code VACUUM FULL ...}, or {@code VACUUM (FULL [true|on|1], ...)}. */
    private static boolean full(TokenCursor cursor) {
        if (cursor.accept("full")) {
            return true;
        }
        if (!cursor.peekSymbol("(")) {
            return false;
        }
        List<Token> options = cursor.rest();
        cursor.skipGroup();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).isWord("full")) {
                Token next = i + 1 < options.size() ? options.get(i + 1) : null;
                return next == null || !(next.isWord("false") || next.isWord("off") || next.text().equals("0"));
            }
        }
        return false;
    }

    private static String target(TokenCursor cursor) {
        cursor.accept("verbose");
        cursor.accept("analyze");
        return cursor.name().map(name -> "table " + name).orElse("every table it applies to");
    }

    private static void lock(ScriptState state, String message) {
        state.strongLock();
        state.report(Rule.TABLE_LOCK_MAINTENANCE, message);
    }
}
