package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.analysis.sql.Token;
import dev.optamigrate.core.analysis.sql.TokenCursor;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The types columns are given, in {@code CREATE TABLE}, {@code ADD COLUMN} and {@code ALTER COLUMN ... TYPE}, new
 * tables included: {@code json} (info), and the opt-in style rules ({@code prefer-bigint},
 * {@code prefer-timestamptz}, {@code prefer-text}, {@code prefer-identity}, {@code ban-char}). The types a
 * {@code CREATE TABLE} gives are remembered, as {@code ADD COLUMN}'s are, for later type changes.
 */
final class ColumnTypeRules implements StatementRules {
    private static final Set<String> SMALL_INTEGERS = Set.of("integer", "smallint", "serial", "serial4",
            "smallserial", "serial2");
    private static final Set<String> SERIALS = Set.of("serial", "serial4", "bigserial", "serial8", "smallserial",
            "serial2");

    @Override
    public void inspect(SqlStatement statement, ScriptState state) {
        TokenCursor cursor = statement.cursor();
        if (cursor.accept("create")) {
            createdTable(cursor, state);
        } else if (cursor.acceptAll("alter", "table")) {
            AlteredTable alter = AlteredTable.read(cursor);
            for (TokenCursor action : alter.actions()) {
                altered(action, alter.table(), state);
            }
        }
    }

    private static void createdTable(TokenCursor cursor, ScriptState state) {
        CreatedTable.read(cursor).ifPresent(created -> {
            for (TokenCursor element : created.elements()) {
                if (CreatedTable.isColumn(element)) {
                    column(element, created.table(), state).ifPresent(typed -> state.columnTyped(created.table(),
                            typed.column(), typed.type()));
                }
            }
        });
    }

    private static void altered(TokenCursor action, String table, ScriptState state) {
        if (action.accept("add")) {
            if (CreatedTable.isColumn(action)) {
                action.accept("column");
                action.acceptAll("if", "not", "exists");
                column(action, table, state);
            }
        } else if (action.accept("alter")) {
            action.accept("column");
            String column = action.name().orElse("?");
            if (action.accept("type") || action.acceptAll("set", "data", "type")) {
                List<Token> type = action.rest().stream().takeWhile(token -> !token.isWord("using")
                        && !token.isWord("collate")).toList();
                judge(type, table + "." + column, false, state);
            }
        }
    }

    /** A column and the type a CREATE TABLE gives it, for later statements (a type change that only widens). */
    private record Typed(String column, ColumnType type) {
    }

    private static Optional<Typed> column(TokenCursor definition, String table, ScriptState state) {
        Optional<String> column = definition.name();
        if (column.isEmpty()) {
            return Optional.empty();
        }
        ColumnClauses clauses = ColumnClauses.of(definition.rest());
        judge(clauses.type(), table + "." + column.get(), clauses.has("generated"), state);
        return ColumnType.of(clauses.type()).map(type -> new Typed(column.get(), type));
    }

    private static void judge(List<Token> typeTokens, String column, boolean identity, ScriptState state) {
        Optional<ColumnType> parsed = ColumnType.of(typeTokens);
        if (parsed.isEmpty()) {
            return;
        }
        String type = parsed.get().base();
        if (type.equals("json")) {
            state.report(Rule.JSON_COLUMN, column + " is json: stored as text and parsed on every read.");
        }
        if (SMALL_INTEGERS.contains(type)) {
            state.report(Rule.PREFER_BIGINT, column + " is " + type + ", which runs out at "
                    + (type.startsWith("small") || type.equals("serial2") ? "32,767." : "2,147,483,647."));
        }
        if (type.equals("timestamp")) {
            state.report(Rule.PREFER_TIMESTAMPTZ, column + " is timestamp without time zone.");
        }
        if (type.equals("varchar") && !parsed.get().modifiers().isEmpty()) {
            state.report(Rule.PREFER_TEXT, column + " is " + parsed.get() + ".");
        }
        if (SERIALS.contains(type) && !identity) {
            state.report(Rule.PREFER_IDENTITY, column + " is " + type + ".");
        }
        if (type.equals("char") || type.equals("character") || type.equals("bpchar")) {
            state.report(Rule.BAN_CHAR, column + " is " + parsed.get() + ", padded with spaces.");
        }
    }
}
