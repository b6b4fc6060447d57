package dev.optamigrate.core.rehearsal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A relation's size on the target, from read-only catalog functions.
 *
 * @param tableBytes {@code pg_relation_size}: the relation's own file
 * @param totalBytes {@code pg_total_relation_size}: with its indexes and TOAST
 * @param rows       {@code reltuples}: the planner's estimate, negative if never analyzed
 */
record RelationSize(long tableBytes, long totalBytes, double rows) {

    /** Every user relation of the target by {@code schema.name}, quoted as PostgreSQL quotes identifiers. */
    static Map<String, RelationSize> readAll(Connection connection) throws SQLException {
        Map<String, RelationSize> sizes = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_relation_size(c.oid), "
                        + "pg_total_relation_size(c.oid), c.reltuples FROM pg_class c "
                        + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'm', 'i') "
                        + "AND n.nspname NOT IN ('pg_catalog', 'information_schema')")) {
            while (rows.next()) {
                sizes.put(rows.getString(1), new RelationSize(rows.getLong(2), rows.getLong(3), rows.getDouble(4)));
            }
        }
        return sizes;
    }
}
