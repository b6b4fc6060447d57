package dev.optamigrate.core.connect;

import dev.optamigrate.core.target.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Physical connections kept open across the runs of a fleet, one set per server, database and user. A run's
 * connection comes back when the run closes it, reset as PgBouncer resets a server connection ({@code DISCARD
 * ALL}: session settings, role, prepared statements, temporary tables, advisory locks), and the next run of any
 * schema of that database takes it, with its own {@code search_path} and session settings set again. A connection
 * that broke, or could not be reset, is closed instead. Opening a connection costs the server a new process and
 * both sides a handshake; a run of one target opens several, which a fleet of hundreds would otherwise pay for each
 * tenant. The pool holds no more connections than the fleet uses at once; closing it closes the idle ones.
 */
public final class ConnectionPool implements AutoCloseable {
    private final String applicationName;
    private final Map<String, Deque<Connection>> idle = new HashMap<>();
    private boolean closed;

    /** @param applicationName the name every pooled connection is opened with */
    public ConnectionPool(String applicationName) {
        this.applicationName = applicationName;
    }

    /** Connections to the target, as {@link Connections} opens them, that come from and go back to this pool. */
    public Connections connections(Target target) {
        Target database = target.withoutSchema();
        String key = database.hostAndPort() + "/" + database.database() + "/" + database.user() + "/"
                + database.properties();
        return new Connections(target, applicationName, SessionSettings.deadClientWatch(), new PooledDataSource(this,
                key, Connections.dataSource(database, applicationName), target.schema()));
    }

    /** An idle connection for the key, if there is one. */
    synchronized Connection take(String key) {
        Deque<Connection> connections = idle.get(key);
        return connections == null ? null : connections.pollFirst();
    }

    /** Resets a connection a run closed and keeps it for the next, or closes it when it cannot be reused. */
    void giveBack(String key, Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            if (connection.isReadOnly()) {
                connection.setReadOnly(false);
            }
            try (Statement reset = connection.createStatement()) {
                reset.execute("DISCARD ALL");
            }
        } catch (SQLException broken) {
            close(connection);
            return;
        }
        synchronized (this) {
            if (!closed) {
                idle.computeIfAbsent(key, unused -> new ArrayDeque<>()).addFirst(connection);
                return;
            }
        }
        close(connection);
    }

    @Override
    public void close() {
        List<Connection> closing = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(closing::addAll);
            idle.clear();
        }
        closing.forEach(ConnectionPool::close);
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is given up on either way
        }
    }
}
