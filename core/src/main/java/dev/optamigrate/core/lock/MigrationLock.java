package dev.optamigrate.core.lock;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.journal.JournalScope;
import dev.optamigrate.core.settings.Durations;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.zip.CRC32;

/**
 * One PostgreSQL session-level advisory lock that every opta-migrate run takes, whatever the tool. It lives on a
 * connection of its own that does nothing else, so the lock ends with that session: a killed process never
 * leaves it behind. Waiting is bounded and reports who holds the lock.
 */
public final class MigrationLock implements AutoCloseable {
    /** The lock key, "opta" and "migr" in ASCII; both halves fit a positive int, as pg_locks shows them. */
    static final long KEY = (0x6F707461L << 32) | 0x6D696772L;
    /** The high half of every key, "opta": a scope's key differs in its low half only. */
    static final long OPTA = 0x6F707461L << 32;

    private static final Duration DEFAULT_PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final int IDLE_SESSION_TIMEOUT_SINCE = 14;

    private final Connection connection;
    private final long key;
    private final Duration progressEvery;
    private boolean held;

    /** The database's lock, which every run that migrates the database as a whole takes. */
    public MigrationLock(Connection connection) {
        this(connection, JournalScope.DATABASE, DEFAULT_PROGRESS_EVERY);
    }

    /** The scope's lock: the database's, or one of its own for a fleet's tenant schema. */
    public MigrationLock(Connection connection, JournalScope scope) {
        this(connection, scope, DEFAULT_PROGRESS_EVERY);
    }

    /** With another progress interval, so that tests can see the wait wake up and report more than once. */
    MigrationLock(Connection connection, JournalScope scope, Duration progressEvery) {
        this.connection = connection;
        this.key = keyOf(scope);
        this.progressEvery = progressEvery;
    }

    /**
     * The database's key, or for a schema "opta" and a 31-bit hash of its name (never the database's "migr"): two
     * schemas whose hashes collide only wait for each other, they never run together unlocked.
     */
    static long keyOf(JournalScope scope) {
        if (scope.schema() == null) {
            return KEY;
        }
        CRC32 crc = new CRC32();
        crc.update(scope.schema().getBytes(StandardCharsets.UTF_8));
        long low = crc.getValue() & 0x7FFFFFFFL;
        return OPTA | (low == (KEY & 0xFFFFFFFFL) ? low ^ 1 : low);
    }

    /** The advisory lock's key, as {@code pg_locks} shows it in two halves. */
    long key() {
        return key;
    }

    /**
     * Waits until the lock is free or {@code limit} has passed. The wait blocks in PostgreSQL, which hands the
     * lock to the next waiter the moment it is released; it wakes every 10 seconds to report who holds it.
     *
     * @throws MigrateException {@link ErrorCode#LOCK_TIMEOUT} naming the holder when the wait runs out
     */
    public void acquire(Duration limit, EventListener events) {
        Instant start = Instant.now();
        Instant deadline = start.plus(limit);
        boolean acquired = tryLock();
        while (!acquired) {
            Duration waited = Duration.between(start, Instant.now());
            Duration remaining = limit.minus(waited);
            if (remaining.isNegative() || remaining.isZero()) {
                throw new MigrateException(CoreErrorCode.LOCK_TIMEOUT, "Gave up waiting for the migration lock after "
                        + Durations.format(waited) + "; it is held by " + LockHolders.describe(connection, key) + ".",
                        null, null);
            }
            events.on(new MigrationEvent.LockWaiting(LockHolders.describe(connection, key), waited, limit));
            acquired = waitForLock(min(progressEvery, Duration.between(Instant.now(), deadline)));
        }
        held = true;
        events.on(new MigrationEvent.LockAcquired(Duration.between(start, Instant.now())));
    }

    public boolean isHeld() {
        return held;
    }

    /** The backend pid that answers on the lock's connection now. */
    int backendPid() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    /**
     * Asks, on the lock's own connection, whether this session still holds the lock. A session that is gone, or
     * does not answer within {@code timeout} (a network cut), does not.
     *
     * @param executor runs the connection's network timeout (the JDBC contract asks for one)
     */
    public boolean stillHeld(Executor executor, Duration timeout) {
        try {
            connection.setNetworkTimeout(executor, (int) Math.max(1, timeout.toMillis()));
            try (PreparedStatement statement = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_locks "
                    + "WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid() AND classid::bigint = ? "
                    + "AND objid::bigint = ? AND objsubid = 1)")) {
                statement.setLong(1, key >>> 32);
                statement.setLong(2, key & 0xFFFFFFFFL);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Asks the server to end the lock's session, and so free the lock, once the session has been silent for
     * {@code limit}: the lock fence speaks every second, so only a run that is gone or cut off falls silent, and the
     * lock is then free within this bound even when the server's TCP keepalives cannot tell (a proxy or a pooler
     * keeps its own end of the connection alive). PostgreSQL 14 and later; on older servers the keepalives remain.
     */
    void endSessionWhenSilentFor(Duration limit) {
        try (Statement statement = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseMajorVersion() >= IDLE_SESSION_TIMEOUT_SINCE) {
                statement.execute("SET idle_session_timeout = " + limit.toMillis());
            }
        } catch (SQLException e) {
            // The fence's first check finds out whether the session is still there.
        }
    }

    /** Releases the lock and closes its connection. Closing the session would free it anyway. */
    @Override
    public void close() {
        try (connection) {
            if (held) {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, key);
                    unlock.execute();
                }
                held = false;
            }
        } catch (SQLException e) {
            // The session is gone, and with it the lock: nothing is left to release.
        }
    }

    private boolean tryLock() {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw lost(e);
        }
    }

    /** Blocks in PostgreSQL for at most {@code wait}; true when the lock was granted. */
    private boolean waitForLock(Duration wait) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = " + Math.max(1, wait.toMillis()));
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, key);
                lock.execute();
                return true;
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            } finally {
                statement.execute("SET lock_timeout = 0");
            }
        } catch (SQLException e) {
            throw lost(e);
        }
    }

    private static MigrateException lost(SQLException e) {
        return new MigrateException(CoreErrorCode.CANNOT_CONNECT,
                "Lost the connection while taking the migration lock: "
                + e.getMessage(), e);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
