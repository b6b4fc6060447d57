package dev.optamigrate.core;

import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.journal.Journal;
import dev.optamigrate.core.journal.JournalScope;
import dev.optamigrate.core.spi.AppliedMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * While a run changes the schema, a SIGINT or SIGTERM must not leave the journal row {@code RUNNING} with
 * nothing said: this JVM shutdown hook reports what was applied and which migration was cut off (PostgreSQL
 * rolls its transaction back when this process's connections close), and closes the row as
 * {@code INTERRUPTED} on a connection of its own.
 */
final class InterruptedRunHook implements AutoCloseable {
    private final Thread hook;

    /**
     * What the run knows at the moment of the signal.
     *
     * @param applied     the migrations finished so far
     * @param inFlight    the migration started and not finished, or {@code null}
     * @param fromVersion the version before the run
     * @param elapsed     how long the run has taken
     */
    record Progress(Supplier<List<AppliedMigration>> applied, Supplier<String> inFlight, String fromVersion,
            Supplier<Duration> elapsed) {
    }

    InterruptedRunHook(Connections connections, long journalId, EventListener events, Progress progress) {
        this.hook = new Thread(() -> report(connections, journalId, events, progress), "opta-migrate-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private static void report(Connections connections, long journalId, EventListener events, Progress progress) {
        List<AppliedMigration> applied = List.copyOf(progress.applied().get());
        String message = describe(applied, progress.inFlight().get());
        events.on(new MigrationEvent.RunFailed(message, "INTERRUPTED", progress.elapsed().get()));
        String to = MigrationRun.lastVersion(applied, progress.fromVersion());
        try (Connection connection = connections.open()) {
            Journal.existing(connection, JournalScope.of(connections.target())).interrupted(journalId, to,
                    applied.size(), message);
        } catch (SQLException | RuntimeException e) {
            System.err.println("warning: could not mark the journal row INTERRUPTED: " + e.getMessage());
        }
    }

    static String describe(List<AppliedMigration> applied, String inFlight) {
        StringBuilder text = new StringBuilder("Interrupted by a signal. Applied before it: ");
        text.append(applied.isEmpty() ? "none" : String.join(", ", applied.stream().map(InterruptedRunHook::name)
                .toList())).append('.');
        if (inFlight != null) {
            text.append(" Cut off: ").append(inFlight).append("; PostgreSQL rolls its transaction back when this "
                    + "process's connections close (a migration that runs outside a transaction may be left "
                    + "half-applied).");
        }
        return text.append(" Run `status` before running again.").toString();
    }

    private static String name(AppliedMigration migration) {
        return migration.version() != null ? migration.version() : migration.script();
    }

    /** The run ended by itself: the hook is no longer needed. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting and the hook runs or ran; nothing to remove
        }
    }
}
