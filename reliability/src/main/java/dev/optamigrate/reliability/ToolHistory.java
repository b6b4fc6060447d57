package dev.optamigrate.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** What each tool's own history table records as applied, read straight from the catalog. */
final class ToolHistory {
    private ToolHistory() {
    }

    /** How many times each step is recorded as applied successfully; empty before the table exists. */
    static Map<Integer, Integer> recorded(Connection connection, String tool) throws SQLException {
        String table = switch (tool) {
            case "flyway" -> "flyway_schema_history";
            case "liquibase" -> "databasechangelog";
            case "mybatis" -> "changelog";
            default -> throw new IllegalArgumentException(tool);
        };
        String query = switch (tool) {
            case "flyway" -> "SELECT version::int, count(*) FROM flyway_schema_history WHERE success AND version ~ "
                    + "'^[0-9]+$' GROUP BY 1";
            case "liquibase" -> "SELECT id::int, count(*) FROM databasechangelog GROUP BY 1";
            default -> "SELECT id::int, count(*) FROM changelog WHERE id > 0 GROUP BY 1";
        };
        return Invariants.exists(connection, "public." + table) ? counts(connection, query) : Map.of();
    }

    static Map<Integer, Integer> counts(Connection connection, String query) throws SQLException {
        Map<Integer, Integer> counts = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                counts.put(rows.getInt(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
