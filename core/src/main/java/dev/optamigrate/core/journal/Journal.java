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
 * The audit trail in {@code opta_migrate.opta_migrate_journal}: one row per run, in its {@link JournalScope}. A run
 * opens its row as {@code RUNNING} while it holds its scope's migration lock, and closes it as {@code SUCCEEDED} or
 * {@code FAILED}. Because only the lock holder writes, any other {@code RUNNING} row of the scope belongs to a run
 * that died, and is marked {@code ABANDONED}. A run
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
    /** The transaction lock that serialises preparing the journal's tables: "opta" and "jrnl" in ASCII. */
    private static final long DDL_LOCK = (0x6F707461L << 32) | 0x6A726E6CL;

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
              overrides    jsonb,
              scope        text,
              fleet        text
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
              IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'opta_migrate'
                             AND table_name = 'opta_migrate_journal' AND column_name = 'scope') THEN
                ALTER TABLE opta_migrate.opta_migrate_journal ADD COLUMN scope text, ADD COLUMN fleet text;
              END IF;
            END $$""";

    private final Connection connection;
    private final JournalScope scope;

    private Journal(Connection connection, JournalScope scope) {
        this.connection = connection;
        this.scope = scope;
    }

    /**
     * Creates the table if needed and marks the scope's runs that died as abandoned. Call only while holding the
     * scope's lock.
     */
    public static Journal open(Connection connection, JournalScope scope) {
        try {
            if (!current(connection)) {
                prepare(connection, "CREATE SCHEMA IF NOT EXISTS " + SCHEMA + "; " + CREATE + "; "
                        + ADD_MISSING_COLUMNS);
            }
        } catch (SQLException e) {
            throw failure("prepare", e);
        }
        try (PreparedStatement abandon = connection.prepareStatement("UPDATE " + TABLE + " SET status = "
                + "'ABANDONED', finished_at = now(), error = 'the run ended without closing its journal row' "
                + "WHERE status = 'RUNNING' AND scope IS NOT DISTINCT FROM ?")) {
            abandon.setString(1, scope.schema());
            abandon.executeUpdate();
            return new Journal(connection, scope);
        } catch (SQLException e) {
            throw failure("prepare", e);
        }
    }

    /**
     * Runs DDL on the journal's schema in a transaction that holds a lock of its own. Runs of several scopes of one
     * database (a fleet) prepare the tables at once, and {@code CREATE ... IF NOT EXISTS} is not safe against
     * itself: two sessions can both find the name free.
     */
    public static void prepare(Connection connection, String ddl) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + DDL_LOCK + ")");
            statement.execute(ddl);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Whether the journal exists with every column, so that nothing needs preparing. */
    private static boolean current(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_attribute WHERE "
                + "attrelid = to_regclass(?) AND NOT attisdropped AND attname IN ('attempts', 'overrides', "
                + "'standby', 'scope', 'fleet')")) {
            statement.setString(1, TABLE);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getInt(1) == 5;
            }
        }
    }

    /**
     * The journal on a connection of its own, without preparing the table: for closing a row that a run opened,
     * from outside that run (its shutdown hook), and for reading a scope's rows.
     */
    public static Journal existing(Connection connection, JournalScope scope) {
        return new Journal(connection, scope);
    }

    /** Opens a row for a run and returns its id. */
    public long start(JournalEntry.Start start) {
        String sql = "INSERT INTO " + TABLE + " (action, tool, strategy, location, release, from_version, status, "
                + "host, pid, operator, standby, scope, fleet) VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?) "
                + "RETURNING id";
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
            insert.setString(11, scope.schema());
            insert.setString(12, start.fleet());
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

    /** Every row of the scope, oldest first, read-only; none when the journal does not exist yet. */
    public static List<JournalEntry> read(Connection connection, JournalScope scope) {
        try {
            return exists(connection, TABLE) ? existing(connection, scope).entries() : List.of();
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

    /** The scope's rows, oldest first. */
    public List<JournalEntry> entries() {
        String sql = "SELECT " + JournalEntry.COLUMNS + " FROM " + TABLE + " WHERE scope IS NOT DISTINCT FROM ? "
                + "ORDER BY id";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, scope.schema());
            List<JournalEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(JournalEntry.from(rows));
                }
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
