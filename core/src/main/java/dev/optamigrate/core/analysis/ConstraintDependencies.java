package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.analysis.sql.Token;
import dev.optamigrate.core.analysis.sql.TokenCursor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code type-change-rechecks-constraints}. PostgreSQL rebuilds the constraints that depend on a column whose type
 * changes: a CHECK is checked again by reading every row, even when the type change itself only widens the column
 * and rewrites nothing; a foreign key whose columns are rewritten is validated again, the referencing table read in
 * full under ACCESS EXCLUSIVE. This records the constraints that {@code CREATE TABLE} and {@code ALTER TABLE ... ADD}
 * declare (and {@code DROP CONSTRAINT} removes) for the type changes that follow.
 */
final class ConstraintDependencies implements StatementRules {

    @Override
    public void inspect(SqlStatement statement, ScriptState state) {
        TokenCursor cursor = statement.cursor();
        if (cursor.accept("create")) {
            CreatedTable.read(cursor).ifPresent(created -> created.elements()
                    .forEach(element -> element(element, created.table(), state.constraints())));
        } else if (cursor.acceptAll("alter", "table")) {
            AlteredTable alter = AlteredTable.read(cursor);
            for (TokenCursor action : alter.actions()) {
                altered(action, alter.table(), state.constraints());
            }
        }
    }

    /**
     * Judges a change of the column's type on a table that existed before this migration.
     *
     * @param widens whether the change only widens the column, so that nothing is rewritten
     */
    static void typeChanged(String table, String column, boolean widens, ScriptState state) {
        ConstraintCatalog catalog = state.constraints();
        List<String> effects = new ArrayList<>();
        if (widens) {
            catalog.checksOn(table, column).forEach(check -> effects.add(check.label()
                    + " is checked again, reading every row of " + table + " although the type change alone "
                    + "rewrites nothing"));
        } else {
            catalog.referencing(table, column).stream().filter(key -> !state.isNew(key.table())).forEach(key ->
                    effects.add("foreign key " + key.name() + " of " + key.table() + " is validated again, reading "
                            + "all of " + key.table() + " under ACCESS EXCLUSIVE"));
            catalog.foreignKeysOf(table, column).stream().filter(key -> !state.isNew(key.referenced()))
                    .forEach(key -> effects.add("its foreign key " + key.name() + " is validated again, reading all "
                            + "of " + key.referenced() + " under ACCESS EXCLUSIVE"));
        }
        if (!effects.isEmpty()) {
            state.report(Rule.TYPE_CHANGE_RECHECKS_CONSTRAINTS, "Changing the type of " + table + "." + column
                    + ": " + String.join("; ", effects) + ". Reads and writes wait.");
        }
    }

    private static void altered(TokenCursor action, String table, ConstraintCatalog catalog) {
        if (action.accept("add")) {
            if (!CreatedTable.isColumn(action)) {
                element(action, table, catalog);
                return;
            }
            action.accept("column");
            action.acceptAll("if", "not", "exists");
            element(action, table, catalog);
        } else if (action.acceptAll("drop", "constraint")) {
            action.acceptAll("if", "exists");
            action.name().ifPresent(constraint -> catalog.dropped(table, constraint));
        } else if (action.acceptAll("validate", "constraint")) {
            action.name().ifPresent(constraint -> catalog.validated(table, constraint));
        }
    }

    /** A column definition with its constraints, or a table constraint. */
    private static void element(TokenCursor element, String table, ConstraintCatalog catalog) {
        if (CreatedTable.isColumn(element)) {
            element.name().ifPresent(column -> column(column, ColumnClauses.of(element.rest()), table, catalog));
            return;
        }
        String name = element.accept("constraint") ? element.name().orElse(null) : null;
        boolean valid = !TableConstraintRules.notValid(element.rest());
        if (element.accept("check")) {
            catalog.check(new ConstraintCatalog.Check(table, name, words(element.rest()), valid));
        } else if (element.acceptAll("foreign", "key")) {
            List<String> columns = columnList(element);
            element.accept("references");
            String referenced = element.name().orElse("?");
            catalog.foreignKey(new ConstraintCatalog.ForeignKey(table, name != null ? name
                    : table + "_" + String.join("_", columns) + "_fkey", columns, referenced, columnList(element),
                    valid));
        } else if (element.acceptAll("primary", "key")) {
            catalog.primaryKey(table, columnList(element));
        }
    }

    /** A column's own constraints; PostgreSQL names an unnamed one {@code <table>_<column>_check} or _fkey. */
    private static void column(String column, ColumnClauses clauses, String table, ConstraintCatalog catalog) {
        String named = null;
        for (List<Token> clause : clauses.clauses()) {
            Token keyword = clause.get(0);
            String name = named;
            named = keyword.isWord("constraint") && clause.size() > 1 ? clause.get(1).identifier() : null;
            List<Token> body = clause.subList(1, clause.size());
            if (keyword.isWord("check")) {
                Set<String> words = words(body);
                words.add(column);
                catalog.check(new ConstraintCatalog.Check(table, name != null ? name : table + "_" + column
                        + "_check", words, true));
            } else if (keyword.isWord("references")) {
                TokenCursor reference = TokenCursor.over(body);
                String referenced = reference.name().orElse("?");
                catalog.foreignKey(new ConstraintCatalog.ForeignKey(table, name != null ? name : table + "_"
                        + column + "_fkey", List.of(column), referenced, columnList(reference), true));
            } else if (keyword.isWord("primary")) {
                catalog.primaryKey(table, List.of(column));
            }
        }
    }

    /** A parenthesised list of column names, if one is next; empty otherwise. */
    private static List<String> columnList(TokenCursor cursor) {
        List<String> columns = new ArrayList<>();
        if (cursor.acceptSymbol("(")) {
            do {
                cursor.name().ifPresent(columns::add);
            } while (cursor.acceptSymbol(","));
            cursor.acceptSymbol(")");
        }
        return columns;
    }

    private static Set<String> words(List<Token> tokens) {
        Set<String> words = new HashSet<>();
        for (Token token : tokens) {
            if (token.kind() == Token.Kind.WORD || token.kind() == Token.Kind.QUOTED_IDENTIFIER) {
                words.add(token.identifier());
            }
        }
        return words;
    }
}
