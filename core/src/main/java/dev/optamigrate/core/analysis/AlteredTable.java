package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.TokenCursor;
import java.util.List;

/**
 * An {@code ALTER TABLE [IF EXISTS] [ONLY] name [*]} cut into its actions, which commas separate.
 *
 * @param table   the table, as PostgreSQL folds its name; {@code ?} when there is none
 * @param actions one cursor per action
 */
record AlteredTable(String table, List<TokenCursor> actions) {

    /** The table and its actions, from a cursor just after ALTER TABLE. */
    static AlteredTable read(TokenCursor cursor) {
        cursor.acceptAll("if", "exists");
        cursor.accept("only");
        String table = cursor.name().orElse("?");
        cursor.acceptSymbol("*");
        return new AlteredTable(table, cursor.splitOnCommas());
    }
}
