package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.Token;
import dev.optamigrate.core.analysis.sql.TokenCursor;
import java.util.List;
import java.util.Optional;

/** {@code ADD [CONSTRAINT name] CHECK | FOREIGN KEY | PRIMARY KEY | UNIQUE | EXCLUDE} on an existing table. */
final class TableConstraintRules {

    void added(TokenCursor action, String table, ScriptState state) {
        String name = action.accept("constraint") ? action.name().orElse(null) : null;
        boolean notValid = notValid(action.rest());
        String subject = name == null ? "The new constraint" : "Constraint " + name;
        if (action.accept("check")) {
            notNullColumn(action.rest()).ifPresent(column -> {
                if (name != null) {
                    state.notNullCheck(name, table, column, !notValid);
                }
            });
            if (notValid && name != null) {
                state.addedNotValid(name);
            }
            if (!notValid) {
                state.report(Rule.CHECK_WITHOUT_NOT_VALID, subject + " checks every row of " + table + " under "
                        + "ACCESS EXCLUSIVE: reads and writes wait.");
            }
        } else if (action.acceptAll("foreign", "key")) {
            action.skipGroup();
            action.accept("references");
            String referenced = action.name().orElse("?");
            if (notValid && name != null) {
                state.addedNotValid(name);
            }
            if (!notValid) {
                state.report(Rule.FK_WITHOUT_NOT_VALID, subject + " checks every row of " + table + " against "
                        + referenced + " under SHARE ROW EXCLUSIVE on both: writes to both tables wait.");
            }
        } else if (action.acceptAll("primary", "key") || action.accept("unique")) {
            if (!action.acceptAll("using", "index")) {
                state.report(Rule.CONSTRAINT_BUILDS_INDEX, subject + " builds a unique index on " + table + " under "
                        + "ACCESS EXCLUSIVE: reads and writes wait until it is built.");
                state.report(Rule.UNIQUE_MAY_FAIL, subject + " fails if " + table + " already holds duplicates of "
                        + "its columns.");
            }
        } else if (action.accept("exclude")) {
            state.report(Rule.CONSTRAINT_BUILDS_INDEX, subject + " builds an exclusion index on " + table
                    + " under ACCESS EXCLUSIVE: reads and writes wait until it is built.");
        }
    }

    /** Whether {@code NOT VALID} is among the tokens. */
    static boolean notValid(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("not") && tokens.get(i + 1).isWord("valid")) {
                return true;
            }
        }
        return false;
    }

    /** The column of {@code (column IS NOT NULL)}, the check that lets SET NOT NULL skip its scan. */
    private static Optional<String> notNullColumn(List<Token> check) {
        TokenCursor cursor = TokenCursor.over(check);
        if (!cursor.acceptSymbol("(")) {
            return Optional.empty();
        }
        Optional<String> column = cursor.name();
        return cursor.acceptAll("is", "not", "null") && cursor.acceptSymbol(")") ? column
                : Optional.empty();
    }
}
