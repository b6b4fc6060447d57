package dev.optamigrate.core.journal;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail in {@code opta_migrate.opta_migrate_journal}: one row per run. A run opens its row as {@code RUNNING}
 * while
 * it holds the migration lock, and closes it as {@code SUCCEEDED} or {@code FAILED}. Because only the lock
 * holder writes, any other {@code RUNNING} row belongs to a run that died, and is marked {@code ABANDONED}. A run
 * stopped by SIGINT or SIGTERM closes its own row as {@code INTERRUPTED}; a run refused before it changed anything
 * writes one {@code REFUSED} row.
 */
public final class Journal {
    /**
     * The journal's own schema: kept apart from the migrated schema, because a tool such as Flyway refuses to
     * start on a schema that holds tables it did not create.
     */
    public static final String SCHEMA = "opta_migrate";
    public static final String TABLE = SCHEMA + ".opta_migrate_journal";

    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS opta_migrate.opta_migrate_journal (
              id           bigserial PRIMARY KEY,
              action       text        NOT NULL,
              tool         text        NOT NULL,
              strategy     text        NOT NULL,
              location     text        NOT NULL,
              release      text,
              from_version text,
              to_version   text,
              applied      integer     NOT NULL DEFAULT 0,
              status       text        NOT NULL,
              host         text        NOT NULL,
              pid          bigint      NOT NULL,
              operator     text,
              standby      text,
              started_at   timestamptz NOT NULL DEFAULT now(),
              finished_at  timestamptz,
              error        text,
              attempts     jsonb,
              overrides    jsonb
            )""";
    /**
     * Journals made before the lock guard, the contract gate and standby lack their columns. A column is added
     * only when missing: ALTER TABLE needs the table's owner even when the column exists, and the migration user
     * may only be allowed to write the table.
     */
    private static final String ADD_MISSING_COLUMNS = """
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'opta_migrate'
                             AND table_name = 'opta_migrate_journal' AND column_name = 'attempts') THEN
                ALTER TABLE opta_migrate.opta_migrate_journal ADD COLUMN attempts jsonb;
              END IF;
              IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'opta_migrate'
                             AND table_name = 'opta_migrate_journal' AND column_name = 'overrides') THEN
                ALTER TABLE opta_migrate.opta_migrate_journal ADD COLUMN overrides jsonb;
              END IF;
              IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'opta_migrate'
                             AND table_name = 'opta_migrate_journal' AND column_name = 'standby') THEN
                ALTER TABLE opta_migrate.opta_migrate_journal ADD COLUMN standby text;
              END IF;
            END $$""";

    private final Connection connection;

    private Journal(Connection connection) {
        this.connection = connection;
    }

    /** Creates the table if needed and marks runs that died as abandoned. Call only while holding the lock. */
    public static Journal open(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA + "; " + CREATE + "; " + ADD_MISSING_COLUMNS
                    + "; UPDATE " + TABLE
                    + " SET status = 'ABANDONED', finished_at = now(), error = 'the run ended without closing its "
                    + "journal row' WHERE status = 'RUNNING'");
            return new Journal(connection);
        } catch (SQLException e) {
            throw failure("prepare", e);
        }
    }

    /**
     * The journal on a connection of its own, without preparing the table: for closing a row that a run opened,
     * from outside that run (its shutdown hook).
     */
    public static Journal existing(Connection connection) {
        return new Journal(connection);
    }

    /** Opens a row for a run and returns its id. */
    public long start(JournalEntry.Start start) {
        String sql = "INSERT INTO " + TABLE + " (action, tool, strategy, location, release, from_version, status, "
                + "host, pid, operator, standby) VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?) RETURNING id";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, start.action());
            insert.setString(2, start.tool());
            insert.setString(3, start.strategy());
            insert.setString(4, start.location());
            insert.setString(5, start.release());
            insert.setString(6, start.fromVersion());
            insert.setString(7, start.host());
            insert.setLong(8, start.pid());
            insert.setString(9, start.operator());
            insert.setString(10, start.standby());
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    public void succeeded(long id, String toVersion, int applied) {
        finish(id, "SUCCEEDED", toVersion, applied, null, "");
    }

    public void failed(long id, String toVersion, int applied, String error) {
        finish(id, "FAILED", toVersion, applied, error, "");
    }

    /** A run refused before it changed anything (a safety gate, an undo it could not finish): one closed row. */
    public void refused(JournalEntry.Start start, String reason) {
        finish(start(start), "REFUSED", start.fromVersion(), 0, reason, "");
    }

    /**
     * A run stopped by a signal: what it had applied by then, and what it said about it. A row the run closed
     * itself in the meantime keeps its status.
     */
    public void interrupted(long id, String toVersion, int applied, String message) {
        finish(id, "INTERRUPTED", toVersion, applied, message, " AND status = 'RUNNING'");
    }

    /**
     * The lock guard's attempts so far, as a JSON array: each attempt that gave up waiting for a lock, with the
     * sessions that blocked it.
     */
    public void attempts(long id, String json) {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
                + " SET attempts = ?::jsonb WHERE id = ?")) {
            update.setString(1, json);
            update.setLong(2, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /**
     * What the run's checks let through and why, as a JSON array: a contract the gate would have refused, accepted
     * by a comment or by {@code --safety warn}, or a running release the journal had never seen, trusted.
     */
    public void overrides(long id, String json) {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
                + " SET overrides = ?::jsonb WHERE id = ?")) {
            update.setString(1, json);
            update.setLong(2, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /** Every row, oldest first, read-only; none when the journal does not exist yet. */
    public static List<JournalEntry> read(Connection connection) {
        try {
            return exists(connection, TABLE) ? existing(connection).entries() : List.of();
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Whether a table exists, as {@code schema.table}. */
    public static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** All rows, oldest first. */
    public List<JournalEntry> entries() {
        String sql = "SELECT id, action, tool, strategy, location, release, from_version, to_version, applied, status, "
                + "host, pid, operator, standby, started_at, finished_at, error, attempts, overrides FROM " + TABLE
                + " ORDER BY id";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<JournalEntry> entries = new ArrayList<>();
            while (rows.next()) {
                entries.add(JournalEntry.from(rows));
            }
            return entries;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /**
     * @param condition more of the WHERE clause, e.g. that the row is still {@code RUNNING}; empty for none
     */
    private void finish(long id, String status, String toVersion, int applied, String error, String condition) {
        String sql = "UPDATE " + TABLE + " SET status = ?, to_version = ?, applied = ?, error = ?, "
                + "finished_at = now() WHERE id = ?" + condition;
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, status);
            update.setString(2, toVersion);
            update.setInt(3, applied);
            update.setString(4, error);
            update.setLong(5, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private static MigrateException failure(String action, SQLException e) {
        return new MigrateException(CoreErrorCode.MIGRATION_FAILED, "Cannot " + action + " the journal table "
                + TABLE + ": " + e.getMessage(), "The migration user needs CREATE on the database (for schema " + SCHEMA
                        + ") or an existing " + TABLE + " it may INSERT, UPDATE and SELECT.", e);
    }
}
