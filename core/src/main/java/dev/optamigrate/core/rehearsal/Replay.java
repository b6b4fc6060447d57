package dev.optamigrate.core.rehearsal;

import dev.optamigrate.core.analysis.sql.SqlScript;
import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.PendingMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs migrations' SQL on the shadow, statement by statement, each on its own (so that statements that cannot run
 * in a transaction run too); the explicit transaction statements of a script are left out.
 */
final class Replay {
    private Replay() {
    }

    /** Whether the statement only opens or ends a transaction, which the rehearsal does itself. */
    static boolean transactionControl(SqlStatement statement) {
        return statement.opensTransaction() || statement.endsTransaction();
    }

    /** Brings the shadow to the target's version: the migrations the target has already applied. */
    static void apply(List<PendingMigration> migrations, Connection connection) {
        for (PendingMigration migration : migrations) {
            for (SqlStatement statement : SqlScript.parse(migration.sql()).statements()) {
                if (transactionControl(statement)) {
                    continue;
                }
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.text());
                } catch (SQLException e) {
                    throw new MigrateException(CoreErrorCode.MIGRATION_FAILED, "Replaying the applied migration "
                            + migration.script() + " on the shadow failed at line " + statement.line() + ": "
                            + e.getMessage(), "The applied migrations must build the target's schema from "
                            + "nothing; fix what this one needs (an extension, a role) on the shadow server, or "
                            + "give verify a shadow server that has it (--shadow-url).", e);
                }
            }
        }
    }
}
