package dev.optamigrate.core.fleet;

import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code fleet verify} rehearses: the members with pending migrations, grouped by the version they are at
 * (each group has the same migrations pending), and for each group its largest member, whose tables make the
 * longest locks. Sizes are read with one catalog query per database: a schema's tables, indexes and TOAST, or a
 * whole database's size.
 */
public final class RehearsalGroups {
    private static final String SCHEMA_SIZES = "SELECT n.nspname, sum(pg_total_relation_size(c.oid))::bigint FROM "
            + "pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'm') GROUP BY "
            + "n.nspname";
    private static final String DATABASE_SIZE = "SELECT '', pg_database_size(current_database())";

    private RehearsalGroups() {
    }

    /**
     * One group of members at the same version with the same migrations pending.
     *
     * @param version  their version, {@code none} before any migration
     * @param members  the members at it, in list order
     * @param largest  the one rehearsed: the largest
     * @param bytes    its size
     */
    public record Group(String version, List<FleetTarget> members, FleetTarget largest, long bytes) {
    }

    /** The groups, in the order their first members are listed; members that cannot be read are left out. */
    public static List<Group> of(List<FleetTarget> targets, FleetStatus status) {
        Map<String, TargetStatus> byName = status.members().stream().collect(Collectors.toMap(TargetStatus::name,
                Function.identity()));
        Map<String, List<FleetTarget>> byVersion = new LinkedHashMap<>();
        for (FleetTarget member : targets) {
            TargetStatus state = byName.get(member.name());
            if (state != null && state.error() == null && state.pending() > 0) {
                byVersion.computeIfAbsent(state.version() == null ? "none" : state.version(), unused
                        -> new ArrayList<>()).add(member);
            }
        }
        Map<String, Long> sizes = sizes(byVersion.values().stream().flatMap(List::stream).toList());
        List<Group> groups = new ArrayList<>();
        byVersion.forEach((version, members) -> {
            FleetTarget largest = members.stream().max((one, other) -> Long.compare(sizes.getOrDefault(one.name(),
                    0L), sizes.getOrDefault(other.name(), 0L))).orElseThrow();
            groups.add(new Group(version, members, largest, sizes.getOrDefault(largest.name(), 0L)));
        });
        return groups;
    }

    /** Each member's size in bytes, one query per database. */
    private static Map<String, Long> sizes(List<FleetTarget> members) {
        Map<String, Long> sizes = new HashMap<>();
        Map<String, List<FleetTarget>> byDatabase = members.stream().collect(Collectors.groupingBy(
                FleetTarget::database, LinkedHashMap::new, Collectors.toList()));
        for (List<FleetTarget> database : byDatabase.values()) {
            FleetTarget first = database.get(0);
            Map<String, Long> bySchema = read(first, first.target().schema().isPresent() ? SCHEMA_SIZES
                    : DATABASE_SIZE);
            for (FleetTarget member : database) {
                sizes.put(member.name(), bySchema.getOrDefault(member.target().schema().orElse(""), 0L));
            }
        }
        return sizes;
    }

    private static Map<String, Long> read(FleetTarget member, String sql) {
        Map<String, Long> sizes = new HashMap<>();
        try (Connection connection = new Connections(member.target(), Connections.applicationName()).open();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                sizes.put(rows.getString(1), rows.getLong(2));
            }
            return sizes;
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Could not read the sizes of the targets in "
                    + member.database() + ": " + e.getMessage(), e);
        }
    }
}
