package dev.optamigrate.core.connect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The session settings every connection of a run gets, each set with {@code SET} right after connecting, in one
 * round trip. {@code SET} passes through connection poolers; the {@code options} startup parameter, which could carry
 * the same settings, does not (PgBouncer refuses it).
 *
 * <p>By default a session asks the server to notice a dead client quickly, so that a killed run frees its locks
 * within seconds: {@code client_connection_check_interval} makes a backend that runs a long statement check its
 * client every 2 seconds (PostgreSQL 14 and later; left out on older servers), and short server-side TCP keepalives
 * detect a client host that vanished.
 */
final class SessionSettings {
    static final Map<String, String> KEEPALIVES = Map.of("tcp_keepalives_idle", "30", "tcp_keepalives_interval", "10",
            "tcp_keepalives_count", "3");
    private static final String CLIENT_CHECK = "client_connection_check_interval";
    private static final int CLIENT_CHECK_SINCE = 14;

    private final Map<String, String> settings;

    private SessionSettings(Map<String, String> settings) {
        this.settings = settings;
    }

    /** The dead-client watch alone. */
    static SessionSettings deadClientWatch() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(CLIENT_CHECK, "2000");
        settings.putAll(KEEPALIVES);
        return new SessionSettings(settings);
    }

    /** These settings and more, which win over these for the same name. */
    SessionSettings plus(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(more);
        return new SessionSettings(all);
    }

    /**
     * Sets them on a new connection.
     *
     * @throws SQLException naming the setting the server refused
     */
    void apply(Connection connection) throws SQLException {
        boolean clientCheck = connection.getMetaData().getDatabaseMajorVersion() >= CLIENT_CHECK_SINCE;
        String sql = settings.entrySet().stream()
                .filter(setting -> clientCheck || !setting.getKey().equals(CLIENT_CHECK))
                .map(setting -> "SET " + setting.getKey() + " = '" + setting.getValue() + "'")
                .collect(Collectors.joining("; "));
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException("the server refused a session setting (" + sql.replace("SET ", "") + "): "
                    + e.getMessage() + ". A pooler or proxy in front of PostgreSQL may not pass SET through.",
                    e.getSQLState(), e);
        }
    }
}
