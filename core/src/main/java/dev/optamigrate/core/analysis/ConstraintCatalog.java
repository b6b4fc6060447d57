package dev.optamigrate.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CHECK, foreign key and primary key constraints the migrations read so far declared, with the columns they
 * depend on: PostgreSQL checks a column's constraints again when the column's type changes.
 */
final class ConstraintCatalog {
    private final List<Check> checks = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final Map<String, List<String>> primaryKeys = new HashMap<>();

    /**
     * @param table   the table it constrains
     * @param name    its name, as given or as PostgreSQL chooses it for a column's own CHECK
     *                ({@code <table>_<column>_check}); null for a table's unnamed CHECK
     * @param columns the names its expression mentions (any word; only compared with column names)
     * @param valid   false while it is NOT VALID: PostgreSQL then rebuilds it without checking the rows
     */
    record Check(String table, String name, Set<String> columns, boolean valid) {
        String label() {
            return name != null ? "CHECK constraint " + name : "an unnamed CHECK constraint";
        }
    }

    /**
     * @param table             the referencing table
     * @param name              its name, as given or as PostgreSQL chooses it ({@code <table>_<columns>_fkey})
     * @param columns           the referencing columns
     * @param referenced        the referenced table
     * @param referencedColumns the referenced columns; empty for the referenced table's primary key
     * @param valid             false while it is NOT VALID
     */
    record ForeignKey(String table, String name, List<String> columns, String referenced,
            List<String> referencedColumns, boolean valid) {
    }

    void check(Check check) {
        checks.add(check);
    }

    void foreignKey(ForeignKey foreignKey) {
        foreignKeys.add(foreignKey);
    }

    void primaryKey(String table, List<String> columns) {
        primaryKeys.put(table, List.copyOf(columns));
    }

    void dropped(String table, String constraint) {
        checks.removeIf(check -> check.table().equals(table) && constraint.equals(check.name()));
        foreignKeys.removeIf(key -> key.table().equals(table) && key.name().equals(constraint));
    }

    /** {@code VALIDATE CONSTRAINT}: from now on it is checked again when a column's type changes. */
    void validated(String table, String constraint) {
        checks.replaceAll(check -> check.table().equals(table) && constraint.equals(check.name())
                ? new Check(table, constraint, check.columns(), true) : check);
        foreignKeys.replaceAll(key -> key.table().equals(table) && key.name().equals(constraint)
                ? new ForeignKey(table, constraint, key.columns(), key.referenced(), key.referencedColumns(), true)
                : key);
    }

    /** The valid CHECK constraints of the table whose expression mentions the column. */
    List<Check> checksOn(String table, String column) {
        return checks.stream().filter(check -> check.valid() && check.table().equals(table)
                && check.columns().contains(column)).toList();
    }

    /** The valid foreign keys of other tables that reference the column. */
    List<ForeignKey> referencing(String table, String column) {
        return foreignKeys.stream().filter(key -> key.valid() && key.referenced().equals(table)
                && (key.referencedColumns().isEmpty() ? primaryKeys.getOrDefault(table, List.of())
                        : key.referencedColumns()).contains(column)).toList();
    }

    /** The table's own valid foreign keys that the column is part of. */
    List<ForeignKey> foreignKeysOf(String table, String column) {
        return foreignKeys.stream().filter(key -> key.valid() && key.table().equals(table)
                && key.columns().contains(column)).toList();
    }
}
