package dev.optamigrate.core.connect;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connections of one target from a {@link ConnectionPool}: an idle one of its database when there is one, else
 * a new one; either way with the target's schema as the {@code search_path}. What it hands out goes back to the
 * pool when closed; after that, the handle answers only {@code close} and {@code isClosed}.
 */
final class PooledDataSource implements DataSource {
    private static final int VALID_WITHIN_SECONDS = 5;
    private final ConnectionPool pool;
    private final String key;
    private final DataSource server;
    private final Optional<String> schema;

    PooledDataSource(ConnectionPool pool, String key, DataSource server, Optional<String> schema) {
        this.pool = pool;
        this.key = key;
        this.server = server;
        this.schema = schema;
    }

    /** An idle connection of the database that still answers, else a new one. */
    @Override
    public Connection getConnection() throws SQLException {
        for (Connection idle = pool.take(key); idle != null; idle = pool.take(key)) {
            try {
                return handOut(idle, true);
            } catch (SQLException gone) {
                idle.close();
            }
        }
        Connection opened = server.getConnection();
        try {
            return handOut(opened, false);
        } catch (SQLException e) {
            opened.close();
            throw e;
        }
    }

    /** @param reused whether the connection was idle in the pool, and so must be seen to answer */
    private Connection handOut(Connection physical, boolean reused) throws SQLException {
        if (schema.isPresent()) {
            physical.setSchema(schema.get());
        } else if (reused && !physical.isValid(VALID_WITHIN_SECONDS)) {
            throw new SQLException("The pooled connection no longer answers.", "08006");
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Handle(physical));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("A pooled connection has the target's user.");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return server.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        server.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        server.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return server.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return server.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return server.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return server.isWrapperFor(type);
    }

    /**
     * One hand-out of a physical connection: it passes every call on until it is closed, then goes back. One whose
     * network timeout a run changed (a run that lost its lock bounds its journal writes so) is closed for good.
     */
    private final class Handle implements InvocationHandler {
        private final Connection physical;
        private final int networkTimeout;
        private final AtomicBoolean returned = new AtomicBoolean();

        Handle(Connection physical) throws SQLException {
            this.physical = physical;
            this.networkTimeout = physical.getNetworkTimeout();
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (returned.compareAndSet(false, true)) {
                        close();
                    }
                    return null;
                }
                case "isClosed" -> {
                    return returned.get() || physical.isClosed();
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                    if (returned.get()) {
                        throw new SQLException("This connection was closed.", "08003");
                    }
                }
            }
            try {
                return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void close() throws SQLException {
            if (physical.isClosed() || physical.getNetworkTimeout() != networkTimeout) {
                physical.close();
            } else {
                pool.giveBack(key, physical);
            }
        }
    }
}
