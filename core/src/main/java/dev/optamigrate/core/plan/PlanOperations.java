package dev.optamigrate.core.plan;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operations {@code plan} knows, from what the user wrote. */
public final class PlanOperations {
    /** {@code table(a, b)} or {@code schema.table(a)}. */
    private static final Pattern TABLE_COLUMNS = Pattern.compile("\\s*([^()\\s]+)\\s*\\(([^()]+)\\)\\s*");

    private PlanOperations() {
    }

    /** {@code rename-column T.a b}: {@code type} is the column's type, which the new column gets. */
    public static PlanOperation renameColumn(String column, String newName, String type) {
        ColumnRef old = ColumnRef.column(column, "column");
        return new ReplaceColumn(old, ColumnRef.name(newName, newName, "new column name"), sqlText(type, "type"),
                "rename-column");
    }

    /**
     * {@code change-type T.a TYPE}, through a new column.
     *
     * @param into the new column's name, or {@code null} for {@code <a>_new}
     */
    public static PlanOperation changeType(String column, String type, String into) {
        ColumnRef old = ColumnRef.column(column, "column");
        String name = into == null ? ColumnRef.derived(old.column(), "new") : ColumnRef.name(into, into,
                "new column name");
        return new ReplaceColumn(old, name, sqlText(type, "type"), "change-type");
    }

    /** {@code add-not-null T.a [--default V]}; {@code defaultValue} may be {@code null}. */
    public static PlanOperation addNotNull(String column, String defaultValue) {
        return new AddNotNull(ColumnRef.column(column, "column"), defaultValue == null ? null
                : sqlText(defaultValue, "default"));
    }

    /** {@code add-foreign-key T.a REF(T2.b)}, the reference written {@code T2(b)}. */
    public static PlanOperation addForeignKey(String column, String references) {
        Matcher reference = TABLE_COLUMNS.matcher(references);
        if (!reference.matches() || reference.group(2).contains(",")) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "'" + references + "' is not a referenced "
                    + "column.", "Write it as table(column), e.g. customers(id).", null);
        }
        ColumnRef table = ColumnRef.table(reference.group(1), "referenced table");
        return new AddForeignKey(ColumnRef.column(column, "column"), new ColumnRef(table.schema(), table.table(),
                ColumnRef.name(reference.group(2).strip(), references, "referenced column")));
    }

    /** {@code add-unique T(a, ...)}. */
    public static PlanOperation addUnique(String tableColumns) {
        Matcher written = TABLE_COLUMNS.matcher(tableColumns);
        if (!written.matches()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "'" + tableColumns + "' names no table and "
                    + "columns.", "Write it as table(column, ...), e.g. customers(tenant_id,email).", null);
        }
        List<String> columns = Arrays.stream(written.group(2).split(",")).map(String::strip)
                .map(name -> ColumnRef.name(name, tableColumns, "column")).toList();
        return new AddUnique(ColumnRef.table(written.group(1), "table"), columns);
    }

    /** {@code drop-column T.a}. */
    public static PlanOperation dropColumn(String column) {
        return new DropColumn(ColumnRef.column(column, "column"));
    }

    /** A type or an expression the plan writes as it is: one piece of SQL, never a second statement. */
    private static String sqlText(String text, String what) {
        if (text == null || text.isBlank() || text.contains(";") || text.contains("--") || text.contains("$$")) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The " + what + " '" + text + "' cannot be "
                    + "written into a migration as it is.", "Give one " + what + " without ';', '--' or '$$', "
                            + "e.g. " + (what.equals("type") ? "varchar(40)" : "'pending'") + ".", null);
        }
        return text.strip();
    }
}
