package dev.optamigrate.core.guard;

import dev.optamigrate.core.event.Blocker;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Who blocks a set of sessions: {@code pg_blocking_pids()} joined with {@code pg_stat_activity}. */
final class Blockers {
    /** How much of a blocker's query is reported. */
    static final int QUERY_CHARACTERS = 200;
    private static final String SQL = """
            SELECT DISTINCT a.pid, a.usename, a.application_name, host(a.client_addr), a.state,
                   COALESCE(EXTRACT(EPOCH FROM now() - a.xact_start) * 1000, 0)::bigint,
                   COALESCE(EXTRACT(EPOCH FROM now() - a.state_change) * 1000, 0)::bigint,
                   left(a.query, ?)
              FROM unnest(?::int[]) AS waiting(pid)
             CROSS JOIN LATERAL unnest(pg_blocking_pids(waiting.pid)) AS blocking(pid)
              JOIN pg_stat_activity a ON a.pid = blocking.pid
             ORDER BY a.pid""";

    private Blockers() {
    }

    /**
     * The sessions that block any of {@code waiting}; empty when none waits.
     *
     * @param reportQueries whether to read the start of each blocker's query
     */
    static List<Blocker> of(Connection connection, Collection<Integer> waiting, boolean reportQueries)
            throws SQLException {
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<Blocker> found = new ArrayList<>();
        Array pids = connection.createArrayOf("int4", waiting.toArray());
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setInt(1, QUERY_CHARACTERS);
            statement.setArray(2, pids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new Blocker(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getLong(6), rows.getLong(7), reportQueries ? rows.getString(8)
                                    : null));
                }
            }
        } finally {
            pids.free();
        }
        return found;
    }
}
