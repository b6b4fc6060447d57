package dev.optamigrate.core.rehearsal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The parts of a schema that drift matters for, one line each: tables, columns with type and nullability,
 * indexes with their definition, constraints with theirs. Migration tools' own tables and opta-migrate's schema
 * are left out.
 */
final class SchemaShape {
    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', "
            + "'opta_migrate') AND n.nspname NOT LIKE 'pg\\_%'";
    private static final String NOT_TOOL_TABLES = "c.relname NOT IN ('flyway_schema_history', 'databasechangelog', "
            + "'databasechangeloglock', 'changelog')";
    private static final String[] QUERIES = {
        "SELECT 'table ' || n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
                + "c.relnamespace WHERE c.relkind IN ('r', 'p') AND %s AND " + NOT_TOOL_TABLES,
        "SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' ' || "
                + "format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = "
                + "c.relnamespace WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND "
                + "%s AND " + NOT_TOOL_TABLES,
        "SELECT 'index ' || n.nspname || '.' || i.relname || ': ' || pg_get_indexdef(i.oid) FROM pg_index x "
                + "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid "
                + "JOIN pg_namespace n ON n.oid = i.relnamespace WHERE %s AND " + NOT_TOOL_TABLES,
        "SELECT 'constraint ' || n.nspname || '.' || c.relname || '.' || k.conname || ': ' || "
                + "pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE %s AND " + NOT_TOOL_TABLES
    };

    /** A lower-case identifier in double quotes: quoted or not, it names the same thing. */
    private static final Pattern NEEDLESSLY_QUOTED = Pattern.compile("\"([a-z_][a-z0-9_$]*)\"");

    private SchemaShape() {
    }

    /**
     * The line without the quotes that one major version puts around an identifier and another does not (e.g.
     * {@code gin ("json")} against {@code gin (json)}), so that only real differences count as drift.
     */
    static String normalized(String line) {
        return NEEDLESSLY_QUOTED.matcher(line).replaceAll("$1");
    }

    /**
     * The shape of the user schemas, or of one schema alone: a tenant's, whose database holds the others too.
     *
     * @param schema the schema to read, or empty for every user schema
     */
    static Set<String> read(Connection connection, Optional<String> schema) throws SQLException {
        Set<String> lines = new TreeSet<>();
        for (String query : QUERIES) {
            try (PreparedStatement statement = connection.prepareStatement(String.format(query,
                    schema.isPresent() ? "n.nspname = ?" : USER_SCHEMAS))) {
                if (schema.isPresent()) {
                    statement.setString(1, schema.get());
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        lines.add(normalized(rows.getString(1)));
                    }
                }
            }
        }
        return lines;
    }
}
