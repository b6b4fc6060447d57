package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.analysis.sql.TokenCursor;
import java.util.Optional;

/**
 * {@code ALTER TABLE} on a table the migration did not create: each action (they may be several, separated by
 * commas) goes to the rule that knows it. Every such statement takes a strong lock, which is what
 * {@code lock-timeout-missing} is about.
 */
final class AlterTableRules implements StatementRules {
    private final ColumnDefinitionRules columns = new ColumnDefinitionRules();
    private final TableConstraintRules constraints = new TableConstraintRules();

    @Override
    public void inspect(SqlStatement statement, ScriptState state) {
        TokenCursor cursor = statement.cursor();
        if (!cursor.acceptAll("alter", "table")) {
            return;
        }
        if (cursor.acceptAll("all", "in", "tablespace")) {
            state.strongLock();
            state.report(Rule.TABLE_LOCK_MAINTENANCE, "ALTER TABLE ALL IN TABLESPACE moves every table, each under "
                    + "ACCESS EXCLUSIVE while its files are copied: reads and writes wait.");
            return;
        }
        cursor.acceptAll("if", "exists");
        cursor.accept("only");
        Optional<String> name = cursor.name();
        cursor.acceptSymbol("*");
        if (name.isEmpty()) {
            return;
        }
        String table = name.get();
        if (state.isNew(table)) {
            if (cursor.acceptAll("rename", "to")) {
                cursor.name().ifPresent(state::tableCreated);
            }
            return;
        }
        state.strongLock();
        if (cursor.peekWord("rename")) {
            rename(cursor, table, state);
            return;
        }
        for (TokenCursor action : cursor.splitOnCommas()) {
            action(action, table, state);
        }
    }

    private void action(TokenCursor action, String table, ScriptState state) {
        if (action.accept("add")) {
            if (action.peekWord("constraint") || action.peekWord("check") || action.peekWord("foreign")
                    || action.peekWord("primary") || action.peekWord("unique") || action.peekWord("exclude")) {
                constraints.added(action, table, state);
            } else {
                columns.added(action, table, state);
            }
        } else if (action.accept("alter") && !action.peekWord("constraint")) {
            columns.altered(action, table, state);
        } else if (action.accept("drop") && !action.peekWord("constraint")) {
            action.accept("column");
            action.acceptAll("if", "exists");
            action.name().ifPresent(column -> state.reportContract(Rule.BREAKING_DROP_COLUMN, table + "." + column,
                    "Dropping column " + column + " of " + table + " breaks the release that is running now if it "
                            + "still reads or writes it."));
        } else if (action.acceptAll("validate", "constraint")) {
            action.name().ifPresent(constraint -> validated(constraint, table, state));
        } else if (action.acceptAll("detach", "partition")) {
            detached(action, table, state);
        } else if (action.acceptAll("set", "tablespace")) {
            state.report(Rule.TABLE_LOCK_MAINTENANCE, "SET TABLESPACE copies " + table + " and its indexes under "
                    + "ACCESS EXCLUSIVE: reads and writes wait until every file is copied.");
        }
    }

    private static void validated(String constraint, String table, ScriptState state) {
        state.validated(constraint);
        if (state.addedNotValidInThisTransaction(constraint)) {
            state.report(Rule.VALIDATE_IN_SAME_TRANSACTION, "Constraint " + constraint + " was added NOT VALID in "
                    + "this same transaction: its lock on " + table + " is still held, so validating it now scans "
                    + "the table while writes wait.");
        }
    }

    private static void detached(TokenCursor action, String table, ScriptState state) {
        String partition = action.name().orElse("?");
        if (action.accept("concurrently")) {
            ConcurrentStatements.check(state, "DETACH PARTITION ... CONCURRENTLY");
        } else if (state.pgVersion() >= 14) {
            state.report(Rule.DETACH_PARTITION_NOT_CONCURRENT, "Detaching " + partition + " takes ACCESS "
                    + "EXCLUSIVE on " + table + ": reads and writes of every partition wait.");
        }
    }

    private static void rename(TokenCursor cursor, String table, ScriptState state) {
        cursor.accept("rename");
        if (cursor.accept("to")) {
            String newName = cursor.name().orElse("?");
            state.reportContract(Rule.BREAKING_RENAME_TABLE, table, "Renaming " + table + " to " + newName
                    + " breaks the release that is running now: its queries still name " + table + ".");
        } else if (!cursor.peekWord("constraint")) {
            cursor.accept("column");
            String column = cursor.name().orElse("?");
            cursor.accept("to");
            String newName = cursor.name().orElse("?");
            state.reportContract(Rule.BREAKING_RENAME_COLUMN, table + "." + column, "Renaming column " + column
                    + " of " + table + " to " + newName + " breaks the release that is running now: its queries still "
                    + "name " + column + ".");
        }
    }
}
