package dev.optamigrate.tool.mybatis;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.ibatis.migration.ConnectionProvider;

/**
 * Connections for MyBatis Migrations without {@code auto_commit}, on which a script commits together with its
 * changelog row. MyBatis commits a script as soon as it has run (and sends a rollback right after), then writes, or
 * going down deletes, the script's changelog row in a commit of its own. A run killed between the two leaves the
 * script applied but unrecorded (or undone but still recorded), and the next run runs it again. So from the moment a
 * script starts ({@link #scriptStarts()}, called by the hook) its commit and the rollback after it are held; the
 * changelog row's commit then commits both. A script that fails is rolled back as before.
 */
final class ScriptCommits implements ConnectionProvider {
    private enum State { IDLE, SCRIPT_RUNNING, SCRIPT_RAN }

    private final DataSource dataSource;
    private volatile State state = State.IDLE;

    ScriptCommits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A script is about to run. */
    void scriptStarts() {
        state = State.SCRIPT_RUNNING;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = dataSource.getConnection();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getParameterCount() == 0 && held(method.getName())) {
                return null;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    /** Whether this call is the script's own commit, or the rollback MyBatis sends after it. */
    private boolean held(String method) {
        if (method.equals("commit") && state == State.SCRIPT_RUNNING) {
            state = State.SCRIPT_RAN;
            return true;
        }
        if (method.equals("rollback")) {
            boolean afterScript = state == State.SCRIPT_RAN;
            state = State.IDLE;
            return afterScript;
        }
        return false;
    }
}
