package dev.optamigrate.tool.mybatis;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.apache.ibatis.migration.ConnectionProvider;
import org.apache.ibatis.migration.MigrationException;

/**
 * Connections for MyBatis Migrations without {@code auto_commit}, on which a script commits together with its
 * changelog row. MyBatis commits a script as soon as it has run (and sends a rollback right after), then writes, or
 * going down deletes, the script's changelog row in a commit of its own. A run killed between the two leaves the
 * script applied but unrecorded (or undone but still recorded), and the next run runs it again. So from the moment a
 * script starts its commit and the rollback after it are held; the changelog row's commit then commits both. A
 * script that fails is rolled back as before. When MyBatis writes no row (the undo of the script that created the
 * changelog table, which it then finds gone), the script is committed as it ends.
 */
final class ScriptCommits implements ConnectionProvider, ScriptBoundaries {
    private enum State { IDLE, SCRIPT_RUNNING, SCRIPT_RAN, RECORDING }

    private final DataSource dataSource;
    private State state = State.IDLE;
    /** The connection a held script ran on, and the point after its statements. */
    private Connection held;
    private Savepoint afterScript;

    ScriptCommits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void starts() {
        state = State.SCRIPT_RUNNING;
    }

    /**
     * Commits a script that is still held: MyBatis found its changelog table gone after the script (a failed
     * look-up that aborted the transaction, undone here back to the point after the script).
     */
    @Override
    public synchronized void ends() {
        if (state == State.RECORDING) {
            try {
                held.rollback(afterScript);
                held.commit();
            } catch (SQLException e) {
                throw new MigrationException("Could not commit the script: " + e.getMessage(), e);
            }
        }
        state = State.IDLE;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = dataSource.getConnection();
        return SkippingConnection.wrap(connection, method -> held(connection, method));
    }

    /** Whether this call is the script's own commit, or the rollback MyBatis sends after it. */
    private synchronized boolean held(Connection connection, String method) throws SQLException {
        boolean commit = method.equals("commit");
        if (!commit && !method.equals("rollback")) {
            return false;
        }
        switch (state) {
            case SCRIPT_RUNNING -> {
                if (commit) {
                    held = connection;
                    afterScript = connection.setSavepoint();
                    state = State.SCRIPT_RAN;
                    return true;
                }
                state = State.IDLE;
                return false;
            }
            case SCRIPT_RAN -> {
                state = commit ? State.IDLE : State.RECORDING;
                return !commit;
            }
            case RECORDING -> {
                state = State.IDLE;
                return false;
            }
            default -> {
                return false;
            }
        }
    }
}
