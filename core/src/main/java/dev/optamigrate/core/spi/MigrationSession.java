package dev.optamigrate.core.spi;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.List;

/**
 * A tool opened on one database and one migration source. The engine calls it only while it holds the
 * migration lock (status and validation excepted, which only read).
 */
public interface MigrationSession extends AutoCloseable {

    /** Applied, pending and failed migrations, and the current version. */
    ToolStatus status();

    /**
     * The pending migrations in the order they would run, each with the SQL it would execute.
     *
     * <p>Contract: after {@link #status()}, this lists what that read found, without reading the history again,
     * so that the engine judges exactly the migrations it reported as pending under the lock; a
     * {@link #migrate()} or {@link #undo(UndoRequest)} ends that reuse. Before any status read, it reads now.
     */
    List<PendingMigration> pending();

    /**
     * Applies every pending migration, reporting each through the context's events.
     *
     * @return what was applied, in order; empty when the schema was up to date
     * @throws MigrateException with {@link ErrorCode#MIGRATION_FAILED} naming the failing migration and statement
     */
    List<AppliedMigration> migrate();

    /**
     * Removes what the tool recorded of a migration that gave up waiting for a lock, so that the next
     * {@link #migrate()} runs it again. The engine calls it under the lock, before the lock guard retries. A
     * migration in a transaction was rolled back and never recorded; one that ran outside a transaction may be
     * recorded as failed (Flyway does), which would stop the retry. The default does nothing, for tools that
     * record only what succeeded.
     */
    default void forgetFailedAttempt() {
    }

    /** Checks that the applied migrations still match the source. Pending migrations are not a problem. */
    ValidationResult validate();

    /**
     * Refuses an undo when this tool cannot undo at all. The engine calls it first, before it waits for the lock,
     * so that such a request fails fast and changes nothing. The default refuses; a tool that can undo overrides
     * it to accept, and checks each request later with {@link #checkUndo(UndoRequest)}.
     *
     * @throws MigrateException with {@link ErrorCode#UNSUPPORTED} saying what to do instead
     */
    default void requireUndo() {
        throw new MigrateException(CoreErrorCode.UNSUPPORTED, "This tool cannot undo migrations.",
                "Write a new forward migration that reverts the change.", null);
    }

    /**
     * Refuses, before anything changes, an undo that would reach a migration the tool cannot revert (a changeset
     * without rollback, a script without an undo part): otherwise the tool would revert the newer ones and stop
     * half-way. Called under the lock, after {@link #status()}, with a request already bounded by what is applied.
     *
     * @throws MigrateException with {@link ErrorCode#UNSUPPORTED} naming the migration
     */
    default void checkUndo(UndoRequest request) {
    }

    /**
     * Reverts applied migrations, where the tool supports it; called only after {@link #requireUndo()} and
     * {@link #checkUndo(UndoRequest)} accepted.
     *
     * @return what was reverted, newest first
     */
    default List<AppliedMigration> undo(UndoRequest request) {
        requireUndo();
        throw new IllegalStateException(getClass().getName() + " accepts undo but does not implement it");
    }

    @Override
    default void close() {
    }
}
