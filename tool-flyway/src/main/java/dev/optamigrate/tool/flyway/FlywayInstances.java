package dev.optamigrate.tool.flyway;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * One Flyway configuration, loaded with either kind of Flyway's PostgreSQL lock. The transactional lock (Flyway's
 * default) is taken inside each migration's own transaction; the session-level lock needs two more round trips per
 * migration, to take it and to release it. But a {@code CREATE INDEX CONCURRENTLY} would wait forever on the
 * transaction that holds the lock, so a run with a migration outside a transaction takes the session-level lock.
 */
final class FlywayInstances {
    private final FluentConfiguration configuration;
    private final Flyway transactionLocked;
    private Flyway sessionLocked;

    FlywayInstances(FluentConfiguration configuration) {
        this.configuration = configuration;
        this.transactionLocked = load(true);
    }

    /** The instance for reading: status, validation, pending SQL. Reading takes no lock, so either kind does. */
    Flyway reading() {
        return transactionLocked;
    }

    /** The instance that migrates a set of pending migrations; the second kind is loaded only when needed. */
    Flyway migrating(boolean everyPendingTransactional) {
        if (everyPendingTransactional) {
            return transactionLocked;
        }
        if (sessionLocked == null) {
            sessionLocked = load(false);
        }
        return sessionLocked;
    }

    private Flyway load(boolean transactionalLock) {
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class)
                .setTransactionalLock(transactionalLock);
        return configuration.load();
    }
}
