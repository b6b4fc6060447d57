package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.analysis.sql.TokenCursor;
import java.util.Set;

/**
 * {@code not-idempotent}: in a migration that runs outside a transaction, what an attempt did stays when it fails,
 * so a retry by the lock guard meets it; a CREATE, ADD COLUMN or DROP without {@code IF [NOT] EXISTS} then fails.
 */
final class IdempotenceRule implements StatementRules {
    private static final Set<String> OBJECTS = Set.of("table", "index", "schema", "sequence");
    private static final Set<String> CONSTRAINTS = Set.of("constraint", "primary", "unique", "check", "foreign",
            "exclude");

    @Override
    public void inspect(SqlStatement statement, ScriptState state) {
        if (state.transactional() || state.inTransaction()) {
            return;
        }
        TokenCursor cursor = statement.cursor();
        if (cursor.accept("create")) {
            cursor.accept("unique");
            cursor.skipAny(CreatedTable.TABLE_MODIFIERS);
            if (withoutGuard(cursor, true)) {
                report(state, "IF NOT EXISTS");
            }
        } else if (cursor.accept("drop")) {
            if (withoutGuard(cursor, false)) {
                report(state, "IF EXISTS");
            }
        } else if (cursor.acceptAll("alter", "table")) {
            AlteredTable.read(cursor).actions().forEach(action -> columnAction(action, state));
        }
    }

    private static void columnAction(TokenCursor action, ScriptState state) {
        if (action.accept("add")) {
            if (CONSTRAINTS.stream().noneMatch(action::peekWord)) {
                action.accept("column");
                if (!action.acceptAll("if", "not", "exists")) {
                    report(state, "ADD COLUMN IF NOT EXISTS");
                }
            }
        } else if (action.accept("drop") && !action.peekWord("constraint")) {
            action.accept("column");
            if (!action.acceptAll("if", "exists")) {
                report(state, "DROP COLUMN IF EXISTS");
            }
        }
    }

    /** Whether an object kind follows without its guard: {@code IF NOT EXISTS} to create, {@code IF EXISTS} to drop. */
    private static boolean withoutGuard(TokenCursor cursor, boolean create) {
        if (OBJECTS.stream().noneMatch(cursor::accept)) {
            return false;
        }
        cursor.accept("concurrently");
        return create ? !cursor.acceptAll("if", "not", "exists") : !cursor.acceptAll("if", "exists");
    }

    private static void report(ScriptState state, String guard) {
        state.report(Rule.NOT_IDEMPOTENT, "This migration runs outside a transaction, so if the lock guard retries "
                + "it after this statement ran, the statement fails; write " + guard + ".");
    }
}
