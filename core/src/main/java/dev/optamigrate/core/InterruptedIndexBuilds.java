package dev.optamigrate.core;

import dev.optamigrate.core.analysis.ConcurrentIndexBuilds;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.guard.InvalidIndexes;
import dev.optamigrate.core.spi.PendingMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An index that a pending migration builds with {@code CREATE INDEX CONCURRENTLY}, found invalid before the run
 * migrates: an earlier run was killed, or lost the lock, during that build. Left in place, the migration would fail
 * on it ("already exists"), or, with {@code IF NOT EXISTS}, skip it and be recorded with an index that PostgreSQL
 * never uses. The run drops it first, as PostgreSQL's documentation advises, and says so.
 */
final class InterruptedIndexBuilds {
    private InterruptedIndexBuilds() {
    }

    /**
     * @param pending the pending migrations with their SQL; read only when the catalog has an invalid index
     */
    static void dropBeforeMigrating(Connection work, Supplier<List<PendingMigration>> pending,
            EventListener events) {
        try {
            if (InvalidIndexes.now(work).isEmpty()) {
                return;
            }
            Set<String> dropped = InvalidIndexes.dropNamed(work, ConcurrentIndexBuilds.names(pending.get()));
            if (!dropped.isEmpty()) {
                events.on(new MigrationEvent.Warning("Dropped the invalid index" + (dropped.size() == 1 ? " " : "es ")
                        + String.join(", ", dropped) + ", left by an interrupted CREATE INDEX CONCURRENTLY of an "
                        + "earlier run; the pending migration builds " + (dropped.size() == 1 ? "it" : "them")
                        + " again."));
            }
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.MIGRATION_FAILED, "Could not drop the invalid indexes that an "
                    + "interrupted CREATE INDEX CONCURRENTLY left: " + e.getMessage(), "Drop them with DROP INDEX "
                    + "CONCURRENTLY (the catalog lists them: pg_index.indisvalid = false), then run again.", e);
        }
    }
}
