package dev.optamigrate.core.guard;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The indexes the catalog marks invalid ({@code pg_index.indisvalid = false}): what a {@code CREATE INDEX
 * CONCURRENTLY} that failed or was interrupted leaves behind. The lock guard notes them before a migration runs,
 * and drops those that appeared since (with {@code DROP INDEX CONCURRENTLY IF EXISTS}) before it runs the migration
 * again, so that the retry does not trip over its own leftover. A run drops those that a pending migration builds
 * before it starts, since an earlier run that was killed left them.
 */
public final class InvalidIndexes {
    private static final String SQL = "SELECT format('%I.%I', n.nspname, c.relname), c.relname FROM pg_index i "
            + "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE NOT i.indisvalid ORDER BY 1";

    private InvalidIndexes() {
    }

    /** The invalid indexes now, by qualified, quoted name. */
    public static Set<String> now(Connection connection) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SQL)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /**
     * Drops the invalid indexes with one of these names (unqualified, as PostgreSQL folds them), and returns their
     * qualified names.
     */
    public static Set<String> dropNamed(Connection connection, Set<String> names) throws SQLException {
        Set<String> named = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SQL)) {
            while (rows.next()) {
                if (names.contains(rows.getString(2))) {
                    named.add(rows.getString(1));
                }
            }
        }
        drop(connection, named);
        return named;
    }

    /** Drops the invalid indexes that are not in {@code before}, and returns their names. */
    public static Set<String> dropNewSince(Connection connection, Set<String> before) throws SQLException {
        Set<String> appeared = now(connection);
        appeared.removeAll(before);
        drop(connection, appeared);
        return appeared;
    }

    private static void drop(Connection connection, Set<String> indexes) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String index : indexes) {
                statement.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
            }
        }
    }
}
