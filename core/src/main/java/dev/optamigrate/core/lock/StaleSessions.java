package dev.optamigrate.core.lock;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sessions that an earlier run left at work on the database: a run killed during a statement (the server notices
 * a dead client at its next check, up to 2 s later, or never when the network was cut) or one that lost the lock.
 * Once a run holds the lock, any other opta-migrate session on its database that runs a statement, or keeps a
 * transaction open, belongs to a run that does not hold it, whichever process it came from. A process that waits
 * for the lock is alive, and its sessions (named after it) are left alone: a tool may have opened one before. So
 * is a process that holds another scope's migration lock (a fleet migrating other tenant schemas of the database,
 * in this process or in another pod): it is alive, and its sessions work on their own scope. The
 * run waits up to {@link #WAIT} for them to end, then ends them with {@code pg_terminate_backend}, so that it never
 * migrates beside a statement of an earlier run, and reads the status only once they are gone.
 */
public final class StaleSessions {
    static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final String FIND = """
            SELECT pid, application_name, state, left(regexp_replace(query, '\\s+', ' ', 'g'), 80)
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> ALL (?)
              AND backend_type = 'client backend' AND application_name LIKE 'opta-migrate %'
              AND state IS NOT NULL AND state <> 'idle'
              AND application_name NOT IN (SELECT waiting.application_name FROM pg_stat_activity waiting
                WHERE waiting.datname = current_database() AND waiting.wait_event_type = 'Lock'
                  AND waiting.wait_event = 'advisory')
              AND application_name NOT IN (SELECT holder.application_name FROM pg_stat_activity holder
                JOIN pg_locks held ON held.pid = holder.pid
                WHERE holder.datname = current_database() AND held.locktype = 'advisory' AND held.granted
                  AND held.classid::bigint = ? AND held.objsubid = 1)
            ORDER BY pid""";

    private StaleSessions() {
    }

    /** A session of an earlier run, as pg_stat_activity shows it. */
    record Session(int pid, String application, String state, String query) {
        String describe() {
            return "pid " + pid + " ('" + application + "', " + state + (query == null ? "" : ": " + query) + ")";
        }
    }

    /**
     * Returns once no session of an earlier run is at work on the database. Call it after taking the lock, before
     * the lock fence starts.
     *
     * @param connection the run's own connection, which is not counted
     * @param lock       the lock the run holds, whose session is not counted either
     * @param tool       the backend pids of the connections the tool opened so far, not counted either
     * @param queries    whether to name each session's query ({@code report-queries})
     * @throws MigrateException {@code LOCK_TIMEOUT} when such a session outlives the wait and cannot be ended
     */
    public static void awaitEnd(Connection connection, MigrationLock lock, List<Integer> tool, boolean queries,
            EventListener events) {
        try {
            List<Integer> ownPids = new ArrayList<>(tool);
            ownPids.add(lock.backendPid());
            Integer[] own = ownPids.toArray(Integer[]::new);
            List<Session> stale = find(connection, own, queries);
            if (stale.isEmpty()) {
                return;
            }
            events.on(new MigrationEvent.Progress("Waiting up to " + WAIT.toSeconds() + " s for " + describe(stale)
                    + " of an earlier run to end before migrating."));
            stale = waitWhileAny(connection, own, queries, WAIT);
            if (stale.isEmpty()) {
                return;
            }
            terminate(connection, stale, events);
            stale = waitWhileAny(connection, own, queries, WAIT);
            if (!stale.isEmpty()) {
                throw stillThere(stale, null);
            }
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Could not look for sessions that an earlier run "
                    + "left at work: " + e.getMessage(), e);
        }
    }

    private static List<Session> waitWhileAny(Connection connection, Integer[] own, boolean queries, Duration limit)
            throws SQLException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Session> stale = find(connection, own, queries);
        while (!stale.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigrateException(CoreErrorCode.INTERRUPTED, "Interrupted while waiting for the sessions of "
                        + "an earlier run to end.", e);
            }
            stale = find(connection, own, queries);
        }
        return stale;
    }

    private static void terminate(Connection connection, List<Session> stale, EventListener events)
            throws SQLException {
        events.on(new MigrationEvent.Warning("Ending " + describe(stale) + ": an earlier run left them at work "
                + "and they did not end within " + WAIT.toSeconds() + " s. Their statements are rolled back."));
        try (PreparedStatement end = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            for (Session session : stale) {
                end.setInt(1, session.pid());
                end.execute();
            }
        } catch (SQLException e) {
            throw stillThere(stale, e);
        }
    }

    private static MigrateException stillThere(List<Session> stale, SQLException cause) {
        String sessions = describe(stale);
        return new MigrateException(CoreErrorCode.LOCK_TIMEOUT, Character.toUpperCase(sessions.charAt(0))
                + sessions.substring(1) + " of an earlier run "
                + (stale.size() == 1 ? "is" : "are") + " still at work on the database and could not be ended"
                + (cause == null ? "" : " (" + cause.getMessage() + ")") + ".", "End "
                + (stale.size() == 1 ? "it" : "them") + " with SELECT pg_terminate_backend(pid) as a role allowed to, "
                + "then run again.", cause);
    }

    private static List<Session> find(Connection connection, Integer[] own, boolean queries) throws SQLException {
        List<Session> sessions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setArray(1, connection.createArrayOf("int4", own));
            statement.setLong(2, MigrationLock.OPTA >>> 32);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sessions.add(new Session(rows.getInt(1), rows.getString(2), rows.getString(3),
                            queries ? rows.getString(4) : null));
                }
            }
        }
        return sessions;
    }

    private static String describe(List<Session> stale) {
        return (stale.size() == 1 ? "the session " : stale.size() + " sessions ")
                + String.join("; ", stale.stream().map(Session::describe).toList());
    }
}
