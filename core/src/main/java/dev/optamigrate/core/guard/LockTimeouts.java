package dev.optamigrate.core.guard;

import java.sql.SQLException;

/** Whether a failure is PostgreSQL's "canceling statement due to lock timeout" (SQLSTATE 55P03). */
public final class LockTimeouts {
    /** {@code lock_not_available}: lock_timeout ran out, or NOWAIT found the lock taken. */
    public static final String LOCK_NOT_AVAILABLE = "55P03";

    private LockTimeouts() {
    }

    /** True when the failure or any of its causes is a lock timeout, however the tool wrapped it. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isLockTimeout(sql)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    /**
     * The database's own words for the lock timeout in this failure, e.g. {@code ERROR: canceling statement due to
     * lock timeout}; the failure's first line when there is none.
     */
    public static String databaseMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isLockTimeout(sql)) {
                return firstLine(sql.getMessage());
            }
        }
        return firstLine(failure.getMessage());
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static boolean isLockTimeout(SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
            if (LOCK_NOT_AVAILABLE.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
