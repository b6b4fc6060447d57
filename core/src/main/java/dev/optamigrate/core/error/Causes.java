package dev.optamigrate.core.error;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Predicate;

/** Looks through an exception's chain of causes, as every tool wraps the database's error its own way. */
public final class Causes {
    private Causes() {
    }

    /** The first exception of the given type in the chain, starting with {@code e} itself, or {@code null}. */
    public static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /**
     * The first database error in the chain (its chained {@code getNextException()} errors included) whose
     * SQLSTATE matches, however the tool wrapped it.
     */
    public static Optional<SQLException> sqlState(Throwable e, Predicate<String> state) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && state.test(next.getSQLState())) {
                        return Optional.of(next);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The first line of a message; the whole of a one-line one. */
    public static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** The last exception in the chain: usually the database's or the network's own. */
    public static Throwable root(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
