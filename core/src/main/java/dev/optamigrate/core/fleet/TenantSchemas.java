package dev.optamigrate.core.fleet;

import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.target.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.core.Utils;

/**
 * A tenant schema is created when missing, as Flyway's {@code schemas} setting does: the tools keep their history
 * in the connection's schema, and PostgreSQL has no current schema until it exists.
 */
final class TenantSchemas {
    private TenantSchemas() {
    }

    static void ensure(Target target, String schema) {
        try (Connection connection = new Connections(target, Connections.applicationName()).open();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + Utils.escapeIdentifier(null, schema));
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.MIGRATION_FAILED, "Cannot create schema " + schema + " on "
                    + target.describe() + ": " + e.getMessage(), "The migration user needs CREATE on the database, "
                            + "or create the tenant schemas beforehand.", e);
        }
    }

    /**
     * The members whose schema does not exist yet, read with one query per database. A database member is never
     * missing here, nor is a schema in a database that cannot be reached: each member's own run says why it fails.
     */
    static Set<String> missing(List<FleetTarget> targets) {
        Set<String> missing = new HashSet<>();
        Map<String, List<FleetTarget>> byDatabase = targets.stream().filter(member -> member.target().schema()
                .isPresent()).collect(Collectors.groupingBy(FleetTarget::database, LinkedHashMap::new,
                        Collectors.toList()));
        for (List<FleetTarget> members : byDatabase.values()) {
            try {
                Set<String> existing = existing(members);
                members.stream().filter(member -> !existing.contains(member.target().schema().orElseThrow()))
                        .forEach(member -> missing.add(member.name()));
            } catch (SQLException | MigrateException unreachable) {
                // each member's run or read reports it
            }
        }
        return missing;
    }

    private static Set<String> existing(List<FleetTarget> members) throws SQLException {
        Set<String> existing = new HashSet<>();
        Target database = members.get(0).target();
        try (Connection connection = new Connections(database, Connections.applicationName()).open();
                PreparedStatement statement = connection.prepareStatement("SELECT nspname FROM pg_namespace "
                        + "WHERE nspname = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", members.stream()
                    .map(member -> member.target().schema().orElseThrow()).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    existing.add(rows.getString(1));
                }
            }
        }
        return existing;
    }
}
