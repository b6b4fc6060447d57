package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.Token;
import dev.optamigrate.core.analysis.sql.TokenCursor;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code CREATE TABLE} with a column list, cut into its elements: column definitions and table constraints.
 *
 * @param table    the table, as PostgreSQL folds its name
 * @param elements one cursor per element; the last one ends before the list's closing parenthesis
 */
record CreatedTable(String table, List<TokenCursor> elements) {
    /** The words that may stand between CREATE and TABLE. */
    static final String[] TABLE_MODIFIERS = {"global", "local", "temporary", "temp", "unlogged"};
    private static final Set<String> TABLE_ELEMENTS = Set.of("constraint", "primary", "unique", "check", "foreign",
            "exclude", "like");

    /** The table and its elements, from a cursor just after CREATE; empty for anything else. */
    static Optional<CreatedTable> read(TokenCursor cursor) {
        cursor.skipAny(TABLE_MODIFIERS);
        if (!cursor.accept("table")) {
            return Optional.empty();
        }
        cursor.acceptAll("if", "not", "exists");
        String table = cursor.name().orElse("?");
        if (!cursor.acceptSymbol("(")) {
            return Optional.empty();
        }
        List<TokenCursor> elements = TokenCursor.over(withinTable(cursor.rest())).splitOnCommas();
        return Optional.of(new CreatedTable(table, elements));
    }

    /** Whether a table element or ADD action defines a column, rather than a constraint or LIKE. */
    static boolean isColumn(TokenCursor element) {
        for (String word : TABLE_ELEMENTS) {
            if (element.peekWord(word)) {
                return false;
            }
        }
        return true;
    }

    /** The tokens before the parenthesis that closes the table's column list. */
    private static List<Token> withinTable(List<Token> tokens) {
        int depth = 0;
        for (int at = 0; at < tokens.size(); at++) {
            depth += tokens.get(at).isSymbol("(") ? 1 : tokens.get(at).isSymbol(")") ? -1 : 0;
            if (depth < 0) {
                return tokens.subList(0, at);
            }
        }
        return tokens;
    }
}
