package dev.optamigrate.core.fleet;

import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.journal.Journal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A fleet run's state, read from the members' journals: one read-only query per database, whatever the number of
 * tenant schemas in it. A database that cannot be reached, or has no journal yet, has no member that a run of this
 * fleet run reached.
 */
final class FleetJournal {
    private static final String LAST_ROWS = "SELECT DISTINCT ON (scope) scope, status, to_version, error FROM "
            + Journal.TABLE + " WHERE fleet = ? ORDER BY scope, id DESC";

    private FleetJournal() {
    }

    /** The members a run of {@code fleetRun} reached, by name, with their last row's meaning. */
    static Map<String, JournalRecord> read(String fleetRun, List<FleetTarget> targets) {
        Map<String, JournalRecord> found = new HashMap<>();
        Map<String, List<FleetTarget>> byDatabase = targets.stream().collect(Collectors.groupingBy(
                FleetTarget::database, LinkedHashMap::new, Collectors.toList()));
        for (List<FleetTarget> members : byDatabase.values()) {
            Map<String, JournalRecord> byScope = lastRows(fleetRun, members.get(0));
            for (FleetTarget member : members) {
                JournalRecord record = byScope.get(member.target().schema().orElse(""));
                if (record != null) {
                    found.put(member.name(), record);
                }
            }
        }
        return found;
    }

    private static Map<String, JournalRecord> lastRows(String fleetRun, FleetTarget member) {
        Map<String, JournalRecord> byScope = new HashMap<>();
        try (Connection connection = new Connections(member.target(), Connections.applicationName()).open()) {
            connection.setReadOnly(true);
            if (!Journal.exists(connection, Journal.TABLE)) {
                return byScope;
            }
            try (PreparedStatement statement = connection.prepareStatement(LAST_ROWS)) {
                statement.setString(1, fleetRun);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String scope = rows.getString("scope");
                        byScope.put(scope == null ? "" : scope, new JournalRecord(TargetState.fromJournal(
                                rows.getString("status")), rows.getString("to_version"), rows.getString("error")));
                    }
                }
            }
        } catch (SQLException | MigrateException e) {
            return byScope;
        }
        return byScope;
    }
}
