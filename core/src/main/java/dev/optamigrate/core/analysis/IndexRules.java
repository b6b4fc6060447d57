package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.analysis.sql.TokenCursor;
import java.util.Optional;

/**
 * {@code CREATE INDEX} and {@code DROP INDEX}: without CONCURRENTLY they block the table's writes (create) or
 * everything (drop); with it they cannot run in a transaction block. An index on a table the migration created
 * is safe either way, and so is dropping it.
 */
final class IndexRules implements StatementRules {

    @Override
    public void inspect(SqlStatement statement, ScriptState state) {
        TokenCursor cursor = statement.cursor();
        if (cursor.accept("create")) {
            boolean unique = cursor.accept("unique");
            if (cursor.accept("index")) {
                created(cursor, unique, state);
            }
        } else if (cursor.acceptAll("drop", "index")) {
            dropped(cursor, state);
        }
    }

    private static void created(TokenCursor cursor, boolean unique, ScriptState state) {
        boolean concurrently = cursor.accept("concurrently");
        Optional<String> index = Optional.empty();
        if (!cursor.peekWord("on")) {
            cursor.acceptAll("if", "not", "exists");
            index = cursor.name();
        }
        cursor.accept("on");
        cursor.accept("only");
        String table = cursor.name().orElse("?");
        if (state.isNew(table)) {
            index.ifPresent(state::indexCreated);
            return;
        }
        if (unique) {
            state.report(Rule.UNIQUE_MAY_FAIL, "Unique index " + index.orElse("(unnamed)") + " fails if " + table
                    + " already holds duplicates" + (concurrently ? ", and leaves an INVALID index behind" : "")
                    + ".");
        }
        if (concurrently) {
            ConcurrentStatements.check(state, "CREATE INDEX CONCURRENTLY");
            return;
        }
        state.strongLock();
        state.report(Rule.INDEX_NOT_CONCURRENT, "Building index " + index.orElse("(unnamed)") + " holds a SHARE "
                + "lock on " + table + ": inserts, updates and deletes wait until the index is built.");
    }

    private static void dropped(TokenCursor cursor, ScriptState state) {
        boolean concurrently = cursor.accept("concurrently");
        cursor.acceptAll("if", "exists");
        String index = cursor.name().orElse("?");
        if (state.isNewIndex(index) || state.namedForNewTable(index)) {
            return;
        }
        if (concurrently) {
            ConcurrentStatements.check(state, "DROP INDEX CONCURRENTLY");
            return;
        }
        state.strongLock();
        state.report(Rule.DROP_INDEX_NOT_CONCURRENT, "Dropping index " + index + " takes ACCESS EXCLUSIVE on its "
                + "table: reads and writes wait, and so does the drop behind any long query.");
    }
}
