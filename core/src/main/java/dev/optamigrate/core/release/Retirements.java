package dev.optamigrate.core.release;

import dev.optamigrate.core.analysis.MigrationPhase;
import dev.optamigrate.core.analysis.Phase;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.journal.Journal;
import dev.optamigrate.core.journal.JournalScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
                + "OR ? LIKE object || '.%') AND journal_id IN (SELECT id FROM " + Journal.TABLE + " WHERE scope IS "
                + "NOT DISTINCT FROM (SELECT scope FROM " + Journal.TABLE + " WHERE id = ?))";
        write(connection, sql, update -> {
            update.setLong(1, journalId);
            update.setString(2, object);
            update.setString(3, object);
            update.setLong(4, journalId);
            update.executeUpdate();
        });
    }

    /** The scope's retirements, oldest first; none when the table does not exist yet. Reads only. */
    static List<Retirement> all(Connection connection, JournalScope scope) throws SQLException {
        List<Retirement> all = new ArrayList<>();
        if (!Journal.exists(connection, TABLE)) {
            return all;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT r.object, r.migration, r.release, "
                + "r.journal_id, r.retired_at, r.contracted_by FROM " + TABLE + " r JOIN " + Journal.TABLE + " j ON "
                + "j.id = r.journal_id WHERE j.scope IS NOT DISTINCT FROM ? ORDER BY r.id")) {
            statement.setString(1, scope.schema());
            ResultSet rows = statement.executeQuery();
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
        try {
            Journal.prepare(connection, CREATE);
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
