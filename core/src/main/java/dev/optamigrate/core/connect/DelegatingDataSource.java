package dev.optamigrate.core.connect;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A data source that hands out another's connections, each passed through {@link #handOut} first. */
public abstract class DelegatingDataSource implements DataSource {
    private final DataSource delegate;

    protected DelegatingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /**
     * Prepares or records a connection before it is handed out.
     *
     * @throws SQLException to refuse it; the connection is then closed
     */
    protected abstract void handOut(Connection connection) throws SQLException;

    /** Called before a connection is opened; throws to refuse one. */
    protected void beforeOpening() throws SQLException {
    }

    @Override
    public final Connection getConnection() throws SQLException {
        beforeOpening();
        return handedOut(delegate.getConnection());
    }

    @Override
    public final Connection getConnection(String username, String password) throws SQLException {
        beforeOpening();
        return handedOut(delegate.getConnection(username, password));
    }

    private Connection handedOut(Connection connection) throws SQLException {
        try {
            handOut(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
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
