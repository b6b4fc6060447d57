package dev.optamigrate.core.promotion;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.journal.Journal;
import dev.optamigrate.core.journal.JournalScope;
import dev.optamigrate.core.spi.AppliedMigration;
import dev.optamigrate.core.spi.PendingMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The migrations an environment applied, in {@code opta_migrate.opta_migrate_applied} beside the journal: one row
 * per migration with its run, tool, identity, checksum, release, environment and duration. It is the proof the
 * promotion gate of a later environment reads, and the durations estimates come from.
 */
public final class AppliedLedger {
    public static final String TABLE = Journal.SCHEMA + ".opta_migrate_applied";
    private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
            + "id bigserial PRIMARY KEY, journal_id bigint NOT NULL, tool text NOT NULL, version text, "
            + "script text NOT NULL, checksum text NOT NULL, release text, environment text, "
            + "applied_at timestamptz NOT NULL DEFAULT now(), duration_ms bigint NOT NULL)";

    private AppliedLedger() {
    }

    /**
     * Records the migrations run {@code journalId} applied, with the checksums of the pending migrations they came
     * from. Call under the lock.
     *
     * @param pending what the run had pending
     * @param applied what it applied, in order
     */
    public static void record(Connection connection, long journalId, RunIdentity run,
            List<PendingMigration> pending, List<AppliedMigration> applied) {
        List<AppliedRecord> records = new ArrayList<>();
        for (AppliedMigration migration : applied) {
            pendingOf(migration, pending).ifPresent(source -> records.add(new AppliedRecord(run.tool(),
                    source.version(), source.script(), source.checksum(), run.release(), run.environment(), null,
                    migration.duration())));
        }
        if (records.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + TABLE + " (journal_id, tool, version, script, checksum, release, environment, "
                + "duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try {
            Journal.prepare(connection, CREATE);
        } catch (SQLException e) {
            throw failure(e);
        }
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (AppliedRecord record : records) {
                insert.setLong(1, journalId);
                insert.setString(2, record.tool());
                insert.setString(3, record.version());
                insert.setString(4, record.script());
                insert.setString(5, record.checksum());
                insert.setString(6, record.release());
                insert.setString(7, record.environment());
                insert.setLong(8, record.duration().toMillis());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static MigrateException failure(SQLException e) {
        return new MigrateException(CoreErrorCode.MIGRATION_FAILED, "Cannot record the applied migrations in "
                + TABLE + ": " + e.getMessage(), "The migration user needs CREATE on schema " + Journal.SCHEMA
                        + ", or an existing " + TABLE + " it may INSERT and SELECT.", e);
    }

    /**
     * What the tool, release and environment of a run are, for each migration it records.
     *
     * @param release     the release, or {@code null}
     * @param environment the environment, or {@code null}
     */
    public record RunIdentity(String tool, String release, String environment) {
    }

    /** Every migration the scope applied, oldest first; none when nothing was recorded yet. Reads only. */
    public static List<AppliedRecord> read(Connection connection, JournalScope scope) throws SQLException {
        List<AppliedRecord> all = new ArrayList<>();
        if (!Journal.exists(connection, TABLE)) {
            return all;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT a.tool, a.version, a.script, "
                + "a.checksum, a.release, a.environment, a.applied_at, a.duration_ms FROM " + TABLE + " a JOIN "
                + Journal.TABLE + " j ON j.id = a.journal_id WHERE j.scope IS NOT DISTINCT FROM ? ORDER BY a.id")) {
            statement.setString(1, scope.schema());
            ResultSet rows = statement.executeQuery();
            while (rows.next()) {
                all.add(new AppliedRecord(rows.getString("tool"), rows.getString("version"), rows.getString("script"),
                        rows.getString("checksum"), rows.getString("release"), rows.getString("environment"),
                        rows.getTimestamp("applied_at").toInstant(),
                        Duration.ofMillis(rows.getLong("duration_ms"))));
            }
        }
        return all;
    }

    /** The pending migration an applied one came from: same version, or for one without, same file. */
    private static Optional<PendingMigration> pendingOf(AppliedMigration applied, List<PendingMigration> pending) {
        return pending.stream().filter(candidate -> Objects.equals(applied.version(), candidate.version())
                && (applied.script() == null || PendingMigration.sameFile(applied.script(), candidate.script())))
                .findFirst();
    }
}
