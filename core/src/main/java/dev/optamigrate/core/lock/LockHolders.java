package dev.optamigrate.core.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Describes the session that holds an advisory lock: application name (which carries host and pid for
 * opta-migrate runs), client address, backend pid, and since when it holds the lock.
 */
final class LockHolders {
    private static final String HOLDER = """
            SELECT a.pid, a.application_name, host(a.client_addr), a.state_change
              FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE l.locktype = 'advisory' AND l.granted
               AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1
            """;

    private LockHolders() {
    }

    static String describe(Connection connection, long key) {
        try (PreparedStatement statement = connection.prepareStatement(HOLDER)) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return "a session that has just ended";
                }
                return describe(row.getInt(1), row.getString(2), row.getString(3), row.getTimestamp(4));
            }
        } catch (SQLException e) {
            return "another session (its details are not readable: " + e.getMessage() + ")";
        }
    }

    private static String describe(int pid, String applicationName, String clientAddress, Timestamp since) {
        String name = applicationName == null || applicationName.isBlank() ? "an unnamed client" : "'"
                + applicationName + "'";
        String from = clientAddress == null ? "a local socket" : clientAddress;
        String when = since == null ? "an unknown time" : since.toInstant().toString();
        return name + " from " + from + " (backend pid " + pid + ") since " + when;
    }
}
