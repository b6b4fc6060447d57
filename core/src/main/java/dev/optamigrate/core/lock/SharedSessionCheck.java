package dev.optamigrate.core.lock;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.target.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses a migration lock that cannot hold because a pooler shares its session: behind PgBouncer in transaction
 * or statement mode, the server session that took the session-level advisory lock goes back to the pool after the
 * statement, and serves other clients (this run's other connections among them) while it holds the lock. Seen
 * from the run's second connection, the lock's holder is then not the session that answers on the lock's
 * connection, or is that second connection's own session.
 */
public final class SharedSessionCheck {
    private SharedSessionCheck() {
    }

    /**
     * @param lock  the lock, just acquired
     * @param other another connection of the run
     * @throws MigrateException {@link CoreErrorCode#CONFIGURATION} when the sessions are shared
     */
    public static void requireOwnSession(MigrationLock lock, Connection other, Target target) {
        try {
            int lockPid = lock.backendPid();
            int otherPid;
            Set<Integer> holders = new HashSet<>();
            try (PreparedStatement statement = other.prepareStatement("SELECT pg_backend_pid(), pid FROM pg_locks "
                    + "WHERE locktype = 'advisory' AND granted AND classid::bigint = ? AND objid::bigint = ? "
                    + "AND objsubid = 1 AND database = (SELECT oid FROM pg_database "
                    + "WHERE datname = current_database())")) {
                statement.setLong(1, lock.key() >>> 32);
                statement.setLong(2, lock.key() & 0xFFFFFFFFL);
                try (ResultSet rows = statement.executeQuery()) {
                    otherPid = -1;
                    while (rows.next()) {
                        otherPid = rows.getInt(1);
                        holders.add(rows.getInt(2));
                    }
                }
            }
            if (!holders.contains(lockPid) || holders.contains(otherPid) || lockPid == otherPid) {
                throw shared(target);
            }
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Lost the connection while checking the "
                    + "migration lock: " + e.getMessage(), e);
        }
    }

    private static MigrateException shared(Target target) {
        return new MigrateException(CoreErrorCode.CONFIGURATION, "The connection to " + target.hostAndPort()
                + " goes through a pooler that shares server sessions between clients (PgBouncer in transaction or "
                + "statement mode): the migration lock, a session-level advisory lock, would stay on a server "
                + "session that other clients use, and would not keep two runs apart. Nothing was applied.",
                "Connect opta-migrate to PostgreSQL directly, or through the pooler in session mode "
                        + "(pool_mode = session for this database).", null);
    }
}
