package dev.optamigrate.core;

import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.MigrationSession;
import dev.optamigrate.core.spi.PendingMigration;
import dev.optamigrate.core.spi.UndoRequest;
import java.util.List;
import java.util.Objects;

/**
 * Says truthfully what a failure leaves behind. When the failing migration ran outside a transaction: the tools
 * report a failure the same way either way, but only a transaction rolls the migration's earlier statements back.
 * When an undo fails part-way: how many were reverted, and where the schema stands.
 */
final class PartialFailures {
    private PartialFailures() {
    }

    /**
     * An undo that failed after reverting some: how many of how many, and where the schema stands now (read again,
     * since the tool may have reverted more than it reported).
     */
    static MigrateException describeUndo(MigrateException failure, int reverted, UndoRequest request,
            MigrationSession session) {
        String of = request != null && request.tag() == null ? " of " + request.steps() : "";
        String now = currentVersion(session, null);
        return new MigrateException(failure.code(), "Reverted " + reverted + of + " before the failure; the schema is "
                + "now at " + (now == null ? "no version" : "version " + now) + ".\n  " + failure.getMessage(),
                failure.hint(), failure);
    }

    /** The version the tool reports now, or {@code fallback} when it cannot be read. */
    static String currentVersion(MigrationSession session, String fallback) {
        try {
            return session.status().current();
        } catch (RuntimeException unreadable) {
            return fallback;
        }
    }

    /**
     * @param failed  the version (or, without one, the script) of the migration that failed, or {@code null}
     * @param pending the pending migrations as the run read them (empty when it did not read their SQL)
     */
    static MigrateException describe(MigrateException failure, String failed, List<PendingMigration> pending) {
        boolean outside = failed != null && pending.stream().anyMatch(migration -> !migration.transactional()
                && (Objects.equals(failed, migration.version()) || Objects.equals(failed, migration.script())));
        if (!outside) {
            return failure;
        }
        return new MigrateException(failure.code(), failure.getMessage() + "\n  " + failed + " ran outside a "
                + "transaction: the statements before the failing one stay applied, and the tool did not record "
                + "the migration.", "Check what the migration already changed (`status`, psql \\d), make the "
                        + "migration safe to run again (IF NOT EXISTS, or undo those changes by hand), then run "
                        + "again.", failure);
    }
}
