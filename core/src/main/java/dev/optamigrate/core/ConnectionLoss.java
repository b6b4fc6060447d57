package dev.optamigrate.core;

import dev.optamigrate.core.error.Causes;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.Optional;
import java.util.Set;

/**
 * A failure that is the connection's, not the migration's: the server shut down or restarted (SQLSTATE 57P01 to
 * 57P03), or the connection broke (class 08). The migration is not at fault, so the run says so, and what to do.
 */
final class ConnectionLoss {
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

    private ConnectionLoss() {
    }

    /** The failure as a lost connection, if that is what it is. */
    static Optional<MigrateException> of(Throwable failure, int applied) {
        return Causes.sqlState(failure, state -> SERVER_GONE.contains(state) || state.startsWith("08"))
                .map(sql -> new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Lost the connection to the server "
                        + "during the migration: " + Causes.firstLine(sql.getMessage()) + " (SQLSTATE "
                        + sql.getSQLState() + "). The server shut down, restarted or ended the session; the "
                        + "migration in flight was rolled back unless it ran outside a transaction, and " + applied
                        + " migration(s) were applied before.", "When the server is back, run again: it starts "
                        + "from the migration that was cut off. `status` shows where the schema stands.", failure));
    }
}
