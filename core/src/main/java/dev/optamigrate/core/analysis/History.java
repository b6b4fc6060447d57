package dev.optamigrate.core.analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a check has learned from the migrations it read before the current statement, in the order the tool runs
 * them: the schemas, tables and indexes they created (new, so still empty and unused by any running release), the
 * types they gave columns, and the {@code CHECK (column IS NOT NULL)} constraints they added and validated (so
 * that a SET NOT NULL in a later migration is known to skip its scan). One history spans one migration, or every
 * migration of one run or of one migration set.
 */
final class History {
    private final Set<String> newTables = new HashSet<>();
    private final Set<String> newIndexes = new HashSet<>();
    private final Set<String> newSchemas = new HashSet<>();
    private final Map<String, ColumnType> columnTypes = new HashMap<>();
    private final Map<String, String> notNullChecks = new HashMap<>();
    private final Set<String> validatedNotNull = new HashSet<>();
    private final ConstraintCatalog constraints = new ConstraintCatalog();
    /** While true, the migrations read were applied long ago: what they create exists, with data. */
    private boolean applied;

    /** Reads what follows as migrations applied long ago ({@code true}), or as new ones ({@code false}). */
    void applied(boolean longAgo) {
        applied = longAgo;
    }

    void tableCreated(String table) {
        if (!applied) {
            newTables.add(table);
        }
    }

    boolean isNew(String table) {
        return newTables.contains(table);
    }

    void schemaCreated(String schema) {
        if (!applied) {
            newSchemas.add(schema);
        }
    }

    boolean isNewSchema(String schema) {
        return newSchemas.contains(schema);
    }

    void indexCreated(String index) {
        if (!applied) {
            newIndexes.add(index);
        }
    }

    boolean isNewIndex(String index) {
        return newIndexes.contains(index);
    }

    /** Whether the name starts with a new table's name and an underscore, as PostgreSQL's own index names do. */
    boolean isNewTablePrefix(String name) {
        return newTables.stream().anyMatch(table -> name.startsWith(table + "_")
                && (name.endsWith("_pkey") || name.endsWith("_key") || name.endsWith("_idx")));
    }

    void columnTyped(String table, String column, ColumnType type) {
        columnTypes.put(table + "." + column, type);
    }

    /** The type an earlier statement gave the column, if one did. */
    Optional<ColumnType> columnType(String table, String column) {
        return Optional.ofNullable(columnTypes.get(table + "." + column));
    }

    /** A {@code CHECK (column IS NOT NULL)} constraint on {@code table.column}, validated or not yet. */
    void notNullCheck(String constraint, String column, boolean validated) {
        notNullChecks.put(constraint, column);
        if (validated) {
            validatedNotNull.add(column);
        }
    }

    void validated(String constraint) {
        String column = notNullChecks.get(constraint);
        if (column != null) {
            validatedNotNull.add(column);
        }
    }

    boolean hasValidatedNotNullCheck(String column) {
        return validatedNotNull.contains(column);
    }

    /** The constraints declared so far, with the columns they depend on. */
    ConstraintCatalog constraints() {
        return constraints;
    }
}
