package dev.optamigrate.core.guard;

import dev.optamigrate.core.error.Causes;
import java.sql.SQLException;

/** Whether a failure is PostgreSQL's "canceling statement due to lock timeout" (SQLSTATE 55P03). */
public final class LockTimeouts {
    /** {@code lock_not_available}: lock_timeout ran out, or NOWAIT found the lock taken. */
    public static final String LOCK_NOT_AVAILABLE = "55P03";

    private LockTimeouts() {
    }

    /** True when the failure or any of its causes is a lock timeout, however the tool wrapped it. */
    public static boolean causedBy(Throwable failure) {
        return Causes.sqlState(failure, LOCK_NOT_AVAILABLE::equals).isPresent();
    }

    /**
     * The database's own words for the lock timeout in this failure, e.g. {@code ERROR: canceling statement due to
     * lock timeout}; the failure's first line when there is none.
     */
    public static String databaseMessage(Throwable failure) {
        return Causes.firstLine(Causes.sqlState(failure, LOCK_NOT_AVAILABLE::equals).map(SQLException::getMessage)
                .orElse(failure.getMessage()));
    }
}
