package dev.optamigrate.core.guard;

import dev.optamigrate.core.connect.DelegatingDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The migration tool's data source, which remembers the backend pid of every connection it hands out, so that
 * the lock guard can ask who blocks them and a run that lost its lock can end them. A pid whose connection has
 * closed blocks nothing and is asked about harmlessly.
 */
public final class TrackedDataSource extends DelegatingDataSource {
    private final List<Integer> pids = new CopyOnWriteArrayList<>();
    private final List<Connection> handedOut = new CopyOnWriteArrayList<>();
    private volatile String closedBecause;

    public TrackedDataSource(DataSource delegate) {
        super(delegate);
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

    /**
     * Closes, on this side, every connection handed out, at once: a tool waiting for an answer from a server it
     * can no longer reach gets an error instead of waiting for its socket timeout.
     */
    public void abortAll() {
        for (Connection connection : handedOut) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException alreadyGone) {
                // nothing left to close
            }
        }
    }

    @Override
    protected void beforeOpening() throws SQLException {
        if (closedBecause != null) {
            throw new SQLException("No new migration connection: " + closedBecause + ".");
        }
    }

    @Override
    protected void handOut(Connection connection) throws SQLException {
        pids.add(connection.unwrap(PGConnection.class).getBackendPID());
        handedOut.add(connection);
    }
}
