package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.Token;
import dev.optamigrate.core.analysis.sql.TokenCursor;
import java.util.List;
import java.util.Optional;

/** {@code ADD COLUMN} and {@code ALTER COLUMN} actions on an existing table. */
final class ColumnDefinitionRules {

    void added(TokenCursor action, String table, ScriptState state) {
        action.accept("column");
        action.acceptAll("if", "not", "exists");
        String column = action.name().orElse("?");
        ColumnClauses definition = ColumnClauses.of(action.rest());
        ColumnType.of(definition.type()).ifPresent(type -> state.columnTyped(table, column, type));
        String subject = "Adding column " + column + " to " + table;
        Optional<String> rewrite = rewriteReason(definition, state.pgVersion());
        rewrite.ifPresent(reason -> state.report(Rule.REWRITE_COLUMN_DEFAULT, subject + " rewrites the whole table "
                + "under ACCESS EXCLUSIVE (" + reason + "): reads and writes wait until every row is written."));
        boolean filled = definition.has("default") || definition.has("generated") || definition.serialType();
        if (definition.notNull() && !filled) {
            state.report(Rule.BREAKING_NOT_NULL_WITHOUT_DEFAULT, subject + " as NOT NULL without a default fails "
                    + "if the table has rows, and breaks the inserts of the release that is running now.");
        }
        if (definition.has("unique") || definition.has("primary")) {
            state.report(Rule.CONSTRAINT_BUILDS_INDEX, subject + " with " + (definition.has("primary")
                    ? "PRIMARY KEY" : "UNIQUE") + " builds its index under ACCESS EXCLUSIVE: reads and writes wait.");
        }
        if (definition.has("check")) {
            state.report(Rule.CHECK_WITHOUT_NOT_VALID, subject + " with a CHECK checks every row under ACCESS "
                    + "EXCLUSIVE.");
        }
        if (definition.has("references") && filled && !DefaultExpression.isNull(definition.clause("default"))) {
            state.report(Rule.FK_WITHOUT_NOT_VALID, subject + " with a default and REFERENCES checks every row's "
                    + "value against the referenced table, while writes to both tables wait; add the column "
                    + "without REFERENCES, then the foreign key NOT VALID.");
        }
    }

    void altered(TokenCursor action, String table, ScriptState state) {
        action.accept("column");
        String column = action.name().orElse("?");
        if (action.accept("type") || action.acceptAll("set", "data", "type")) {
            typeChanged(action.rest(), table, column, state);
        } else if (action.acceptAll("drop", "not", "null")) {
            state.reportContract(Rule.BREAKING_DROP_NOT_NULL, table + "." + column, "Dropping NOT NULL on " + table
                    + "." + column + " lets NULLs in that the release running now may not expect when it reads them.");
        } else if (action.acceptAll("set", "not", "null") && !state.hasValidatedNotNullCheck(table, column)) {
            state.report(Rule.SCAN_SET_NOT_NULL, "SET NOT NULL on " + table + "." + column + " reads every row "
                    + "under ACCESS EXCLUSIVE to prove there is no NULL: reads and writes wait."
                    + (state.pgVersion() < 12 ? " Before PostgreSQL 12 no CHECK constraint lets it skip the scan."
                    : ""));
        }
    }

    /**
     * A new type for a column. When an earlier statement gave the column its type and the change only widens it
     * ({@code varchar(50)} to {@code varchar(100)} or {@code text}, more {@code numeric} precision at the same
     * scale), PostgreSQL rewrites nothing; otherwise the table is rewritten.
     */
    private static void typeChanged(List<Token> rest, String table, String column, ScriptState state) {
        List<Token> typeTokens = rest.stream().takeWhile(token -> !token.isWord("using") && !token.isWord("collate"))
                .toList();
        Optional<ColumnType> next = ColumnType.of(typeTokens);
        Optional<ColumnType> before = state.columnType(table, column);
        boolean widens = next.isPresent() && before.isPresent() && before.get().widensTo(next.get())
                && typeTokens.size() == rest.size();
        next.ifPresent(type -> state.columnTyped(table, column, type));
        String type = rest.stream().map(Token::text).reduce((a, b) -> a + " " + b).orElse("?");
        if (next.isPresent() && before.isPresent() && before.get().narrowsTo(next.get())) {
            state.reportContract(Rule.BREAKING_NARROW_TYPE, table + "." + column, "Changing column " + column + " of "
                    + table + " from " + before.get() + " to " + next.get() + " narrows it: the release running now "
                    + "may write values that no longer fit.");
        }
        ConstraintDependencies.typeChanged(table, column, widens, state);
        if (widens) {
            return;
        }
        state.report(Rule.REWRITE_COLUMN_TYPE, "Changing column " + column + " of " + table + " to " + type
                + " rewrites the table and its indexes under ACCESS EXCLUSIVE unless the types are binary "
                + "compatible (such as varchar(n) to text): reads and writes wait.");
    }

    private static Optional<String> rewriteReason(ColumnClauses definition, int pgVersion) {
        if (definition.serialType()) {
            return Optional.of("a serial column takes nextval() for every existing row");
        }
        List<Token> generated = definition.clause("generated");
        if (!generated.isEmpty()) {
            if (generated.stream().anyMatch(token -> token.isWord("identity"))) {
                return Optional.of("an identity column takes a sequence value for every existing row");
            }
            boolean stored = generated.stream().anyMatch(token -> token.isWord("stored"));
            // PostgreSQL 18 computes a generated column on read unless it says STORED; earlier ones require STORED
            return stored || pgVersion < 18 ? Optional.of("a stored generated column is computed for every "
                    + "existing row") : Optional.empty();
        }
        return definition.has("default")
                ? DefaultExpression.rewriteReason(definition.clause("default"), pgVersion) : Optional.empty();
    }
}
