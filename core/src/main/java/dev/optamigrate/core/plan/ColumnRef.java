package dev.optamigrate.core.plan;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A table, or a column of one, as a plan names it: {@code [schema.]table[.column]}, in plain lower-case names.
 *
 * @param schema the schema, or {@code null} for the search path's
 * @param table  the table
 * @param column the column, or {@code null} for the table itself
 */
record ColumnRef(String schema, String table, String column) {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** {@code table.column} or {@code schema.table.column}. */
    static ColumnRef column(String text, String what) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("\\.", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw invalid(text, what, "table.column, e.g. orders.legacy_status");
        }
        return new ColumnRef(parts.length == 3 ? name(parts[0], text, what) : null,
                name(parts[parts.length - 2], text, what), name(parts[parts.length - 1], text, what));
    }

    /** {@code table} or {@code schema.table}. */
    static ColumnRef table(String text, String what) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("\\.", -1);
        if (parts.length > 2) {
            throw invalid(text, what, "table or schema.table, e.g. customers");
        }
        return new ColumnRef(parts.length == 2 ? name(parts[0], text, what) : null,
                name(parts[parts.length - 1], text, what), null);
    }

    /** A plain name, e.g. a new column's. */
    static String name(String text, String whole, String what) {
        String name = text.toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw invalid(whole, what, "plain names of letters, digits and underscores");
        }
        return name;
    }

    /** The table as SQL names it. */
    String qualifiedTable() {
        return schema == null ? table : schema + "." + table;
    }

    /** The column as the contract gate names it: {@code table.column}. */
    String object() {
        return table + "." + column;
    }

    /** A name for something the plan creates, from parts joined by underscores, within PostgreSQL's 63 bytes. */
    static String derived(String... parts) {
        String name = String.join("_", parts);
        return name.length() <= 63 ? name : name.substring(0, 63);
    }

    private static MigrateException invalid(String text, String what, String expected) {
        return new MigrateException(CoreErrorCode.CONFIGURATION, "'" + text + "' is not a valid " + what + ".",
                "Write it as " + expected + "; plan writes names unquoted, so quoted or mixed-case names need a "
                        + "hand-written migration.", null);
    }
}
