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

    @Override
    protected void beforeOpening() throws SQLException {
        if (closedBecause != null) {
            throw new SQLException("No new migration connection: " + closedBecause + ".");
        }
    }

    @Override
    protected void handOut(Connection connection) throws SQLException {
        pids.add(connection.unwrap(PGConnection.class).getBackendPID());
    }
}
