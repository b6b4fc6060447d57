package dev.optamigrate.core;

import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.guard.TrackedDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run does when its lock fence trips: it opens no more migration connections, closes the tool's on this
 * side (so that a tool waiting for a server it cannot reach fails at once), and ends the tool's sessions with
 * {@code pg_terminate_backend}, from a connection of its own, so that a statement in flight is rolled back and
 * cannot commit beside a second run that has taken the lock. When the server cannot be reached (a network cut),
 * the server ends those sessions itself once its TCP keepalives fail.
 */
final class LockLoss {
    static final Duration JOURNAL_ANSWER_WITHIN = Duration.ofSeconds(5);

    private final Connections connections;
    private final TrackedDataSource migration;
    private final EventListener events;
    private volatile List<Integer> ended = List.of();
    private volatile boolean responded;

    LockLoss(Connections connections, TrackedDataSource migration, EventListener events) {
        this.connections = connections;
        this.migration = migration;
        this.events = events;
    }

    /** Ends the tool's sessions; called once, by the fence. */
    void respond(String why) {
        responded = true;
        List<Integer> pids = migration.closeToNewConnections("the run lost the migration lock (" + why + ")");
        events.on(new MigrationEvent.Warning("Lost the migration lock: " + why + ". Ending the migration's "
                + "sessions (pids " + pids + ") so that nothing more runs or commits."));
        migration.abortAll();
        List<Integer> terminated = new ArrayList<>();
        try (Connection connection = connections.open();
                PreparedStatement terminate = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            for (int pid : pids) {
                terminate.setInt(1, pid);
                terminate.execute();
                terminated.add(pid);
            }
        } catch (MigrateException | SQLException e) {
            events.on(new MigrationEvent.Warning("Could not end the migration's sessions after losing the lock: "
                    + e.getMessage() + ". They end when the server notices this client is gone."));
        }
        ended = List.copyOf(terminated);
    }

    /**
     * Bounds how long the run's own connection may wait for an answer from here on: after a network cut the
     * journal write fails within {@link #JOURNAL_ANSWER_WITHIN} instead of waiting for the socket timeout.
     */
    static void bound(Connection work) {
        try {
            work.setNetworkTimeout(Runnable::run, (int) JOURNAL_ANSWER_WITHIN.toMillis());
        } catch (SQLException gone) {
            // the journal write fails at once, and says so
        }
    }

    /** The failure a run reports once its lock is lost, whatever the tool said. */
    MigrateException failure(String why, int applied, Exception cause) {
        String stopped = responded ? "The run ended its migration sessions" + (ended.isEmpty() ? ""
                : " (pids " + ended + ")") + " and started nothing more; " + applied + " migration(s) were applied "
                + "before." : "It was found lost after the migrations had finished; " + applied + " migration(s) "
                + "were applied, possibly beside another run.";
        return new MigrateException(CoreErrorCode.LOCK_LOST, "Lost the migration lock while migrating: " + why
                + ". " + stopped + " Another run may hold the lock now.", cause);
    }
}
