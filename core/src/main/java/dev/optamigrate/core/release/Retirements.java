package dev.optamigrate.core.release;

import dev.optamigrate.core.analysis.MigrationPhase;
import dev.optamigrate.core.analysis.Phase;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.journal.Journal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The retirements in {@code opta_migrate.opta_migrate_retirement}, beside the journal: one row per object a
 * migration retired, with the run (and so the release) that applied it, and the run that later contracted it.
 */
public final class Retirements {
    public static final String TABLE = Journal.SCHEMA + ".opta_migrate_retirement";
    private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
            + "id bigserial PRIMARY KEY, object text NOT NULL, migration text NOT NULL, release text, "
            + "journal_id bigint NOT NULL, retired_at timestamptz NOT NULL DEFAULT now(), contracted_by bigint)";

    private Retirements() {
    }

    /**
     * Records what the migrations that run {@code journalId} applied retired and contracted. Call under the lock.
     *
     * @param phases  the phases of the migrations the run had pending
     * @param applied the scripts (files or changesets) it applied
     */
    public static void recordApplied(Connection connection, long journalId, String release,
            List<MigrationPhase> phases, List<String> applied) {
        for (MigrationPhase migration : phases) {
            if (!applied.contains(migration.file())) {
                continue;
            }
            if (!migration.retires().isEmpty()) {
                retired(connection, journalId, release, migration.file(), migration.retires());
            }
            if (migration.phase() == Phase.CONTRACT) {
                migration.contracts().forEach(contracted -> contracted(connection, journalId, contracted.object()));
            }
        }
    }

    private static void retired(Connection connection, long journalId, String release, String migration,
            List<String> objects) {
        String sql = "INSERT INTO " + TABLE + " (object, migration, release, journal_id) VALUES (?, ?, ?, ?)";
        write(connection, sql, insert -> {
            for (String object : objects) {
                insert.setString(1, object);
                insert.setString(2, migration);
                insert.setString(3, release);
                insert.setLong(4, journalId);
                insert.addBatch();
            }
            insert.executeBatch();
        });
    }

    /** Records that run {@code journalId} applied a contract on the object: its retirements are done with. */
    private static void contracted(Connection connection, long journalId, String object) {
        String sql = "UPDATE " + TABLE + " SET contracted_by = ? WHERE contracted_by IS NULL AND (object = ? "
                + "OR ? LIKE object || '.%')";
        write(connection, sql, update -> {
            update.setLong(1, journalId);
            update.setString(2, object);
            update.setString(3, object);
            update.executeUpdate();
        });
    }

    /** Every retirement, oldest first; none when the table does not exist yet. Reads only. */
    static List<Retirement> all(Connection connection) throws SQLException {
        List<Retirement> all = new ArrayList<>();
        if (!Journal.exists(connection, TABLE)) {
            return all;
        }
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT object, migration, release, journal_id, retired_at, contracted_by FROM " + TABLE
                        + " ORDER BY id")) {
            while (rows.next()) {
                long contractedBy = rows.getLong("contracted_by");
                Long contracted = rows.wasNull() ? null : contractedBy;
                all.add(new Retirement(rows.getString("object"), rows.getString("migration"),
                        rows.getString("release"), rows.getLong("journal_id"),
                        rows.getTimestamp("retired_at").toInstant(), contracted));
            }
        }
        return all;
    }

    private interface Write {
        void to(PreparedStatement statement) throws SQLException;
    }

    private static void write(Connection connection, String sql, Write write) {
        try (Statement create = connection.createStatement()) {
            create.execute(CREATE);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                write.to(statement);
            }
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.MIGRATION_FAILED, "Cannot write the retirements table " + TABLE
                    + ": " + e.getMessage(), "The migration user needs CREATE on schema " + Journal.SCHEMA
                            + ", or an existing " + TABLE + " it may INSERT, UPDATE and SELECT.", e);
        }
    }
}
