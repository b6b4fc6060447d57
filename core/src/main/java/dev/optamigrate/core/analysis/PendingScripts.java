package dev.optamigrate.core.analysis;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.PendingMigration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Brings what a connected check needs from the target: the pending migrations' SQL, and the server's version. */
public final class PendingScripts {
    private PendingScripts() {
    }

    /** Each pending migration as a script named after its file or changeset. */
    public static List<MigrationScript> of(List<PendingMigration> pending) {
        return pending.stream().map(migration -> new MigrationScript(migration.script(), migration.sql(),
                migration.transactional())).toList();
    }

    /** The server's major version, e.g. 16. */
    public static int serverMajorVersion(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW server_version_num")) {
            result.next();
            return Integer.parseInt(result.getString(1)) / 10000;
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Cannot read the server's version: "
                    + e.getMessage(), e);
        }
    }
}
