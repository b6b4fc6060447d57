package dev.optamigrate.tool.liquibase;

import java.sql.Connection;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

/**
 * Liquibase's connection, on which a changeset that runs in a transaction commits together with its
 * {@code DATABASECHANGELOG} row. Liquibase 4.33 commits a changeset's statements first and writes the row after, in
 * a transaction of its own (liquibase#7442), so a run killed between the two leaves the change applied but
 * unrecorded, and the next run applies it again; the random-kill suite found it. Commits are therefore held from
 * a changeset's start until Liquibase reports that it ran (or was rolled back), which it does after writing (or
 * removing) the row; Liquibase's next commit then commits both. A rollback is never held. A changeset still held
 * when the connection is closed, or turned to auto-commit, did not finish, and is rolled back.
 */
final class ChangeSetCommits extends JdbcConnection {
    private volatile boolean holding;

    ChangeSetCommits(Connection connection) {
        super(connection);
    }

    /** Holds the commits of a changeset that runs in a transaction, on a database that uses this connection. */
    static void hold(Database database) {
        if (database.getConnection() instanceof ChangeSetCommits commits) {
            commits.holding = true;
        }
    }

    static void release(Database database) {
        if (database.getConnection() instanceof ChangeSetCommits commits) {
            commits.holding = false;
        }
    }

    @Override
    public void commit() throws DatabaseException {
        if (!holding) {
            super.commit();
        }
    }

    /**
     * Turning auto-commit on commits an open transaction (Liquibase does it when it closes the database); a
     * changeset still held did not finish, so its transaction is rolled back instead.
     */
    @Override
    public void setAutoCommit(boolean autoCommit) throws DatabaseException {
        if (autoCommit && holding) {
            holding = false;
            rollback();
        }
        super.setAutoCommit(autoCommit);
    }

    @Override
    public void close() throws DatabaseException {
        if (holding) {
            holding = false;
            rollback();
        }
        super.close();
    }
}
