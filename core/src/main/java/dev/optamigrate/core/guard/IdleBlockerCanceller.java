package dev.optamigrate.core.guard;

import dev.optamigrate.core.event.Blocker;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ends blocking sessions that have sat idle in a transaction for longer than {@code cancel-blockers} allows, and
 * says so for each. It never touches a session that runs a query. Without the privilege to end a session
 * ({@code pg_signal_backend}, or the same user), it says so once and ends nothing.
 */
final class IdleBlockerCanceller {
    private static final Set<String> IDLE_IN_TRANSACTION = Set.of("idle in transaction",
            "idle in transaction (aborted)");

    private final Optional<Duration> olderThan;
    private final EventListener events;
    private final Set<Integer> tried = new HashSet<>();
    private boolean refused;

    IdleBlockerCanceller(Optional<Duration> olderThan, EventListener events) {
        this.olderThan = olderThan;
        this.events = events;
    }

    void cancelIdle(Connection connection, List<Blocker> blockers) throws SQLException {
        if (olderThan.isEmpty() || refused) {
            return;
        }
        for (Blocker blocker : blockers) {
            if (blocker.state() == null) {
                refuse(blocker, "its state is hidden from this database user (seeing another user's sessions needs "
                        + "the pg_read_all_stats role)");
                return;
            }
            if (IDLE_IN_TRANSACTION.contains(blocker.state()) && blocker.stateAgeMs() > olderThan.get().toMillis()
                    && tried.add(blocker.pid())) {
                terminate(connection, blocker);
            }
        }
    }

    private void terminate(Connection connection, Blocker blocker) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ? AND state LIKE 'idle in "
                        + "transaction%'")) {
            statement.setInt(1, blocker.pid());
            try (ResultSet row = statement.executeQuery()) {
                if (row.next() && row.getBoolean(1)) {
                    events.on(new MigrationEvent.Warning("Ended blocking session " + blocker.describe() + ": it had "
                            + "been idle in a transaction for " + blocker.stateAgeMs() / 1000 + " s (cancel-blockers)."));
                }
            }
        } catch (SQLException e) {
            if (!"42501".equals(e.getSQLState())) {
                throw e;
            }
            refuse(blocker, e.getMessage());
        }
    }

    /** Says once why no blocker can be ended, and stops trying. */
    private void refuse(Blocker blocker, String why) {
        refused = true;
        events.on(new MigrationEvent.Warning("cancel-blockers could not end blocking session pid " + blocker.pid()
                + ": " + why + ". Ending another user's session needs the pg_signal_backend role (or superuser). "
                + "Nothing was ended; the lock guard goes on waiting and retrying."));
    }
}
