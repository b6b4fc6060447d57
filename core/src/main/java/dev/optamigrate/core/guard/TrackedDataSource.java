package dev.optamigrate.core.guard;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The migration tool's data source, which remembers the backend pid of every connection it hands out, so that
 * the lock guard can ask who blocks them. A pid whose connection has closed blocks nothing and is asked about
 * harmlessly.
 */
public final class TrackedDataSource implements DataSource {
    private final DataSource delegate;
    private final List<Integer> pids = new CopyOnWriteArrayList<>();
    private volatile String closedBecause;

    public TrackedDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** The backend pids of the connections handed out so far. */
    public List<Integer> pids() {
        return List.copyOf(pids);
    }

    /**
     * Hands out no more connections: each later request fails with this reason.
     *
     * @return the backend pids of the connections handed out before
     */
    public List<Integer> closeToNewConnections(String reason) {
        closedBecause = reason;
        return pids();
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseIfClosed();
        return tracked(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseIfClosed();
        return tracked(delegate.getConnection(username, password));
    }

    private void refuseIfClosed() throws SQLException {
        if (closedBecause != null) {
            throw new SQLException("No new migration connection: " + closedBecause + ".");
        }
    }

    private Connection tracked(Connection connection) throws SQLException {
        pids.add(connection.unwrap(PGConnection.class).getBackendPID());
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
