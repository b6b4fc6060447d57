package dev.optamigrate.core.spi;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.nio.file.Path;
import java.util.List;

/** One migration tool (Flyway, Liquibase, MyBatis Migrations) behind the common interface. */
public interface MigrationTool {

    String name();

    /**
     * Opens a session on the context's database for the context's migration source. Opening reads the source,
     * so a missing or malformed location fails here.
     */
    MigrationSession open(ToolContext context);

    /**
     * Every migration of the source with the SQL the tool would run for PostgreSQL, without a database: for a
     * tool whose migrations are not written in SQL (Liquibase's XML, YAML and JSON changelogs), so that they can
     * be checked offline. Tools whose migrations are SQL files need not offer it.
     *
     * @throws MigrateException {@link ErrorCode#UNSUPPORTED} when the tool has no offline reading
     */
    /**
     * Writes migrations after the last one of the source at {@code location}, in the tool's own format and
     * order, so that the tool runs them next and in the order given.
     *
     * @return the files written or changed, in order
     * @throws MigrateException {@link ErrorCode#UNSUPPORTED} for a tool that cannot write migrations, or
     *                          {@link ErrorCode#CONFIGURATION} for a location it cannot add to
     */
    default List<Path> write(String location, ToolOptions options, List<NewMigration> migrations) {
        throw new MigrateException(CoreErrorCode.UNSUPPORTED, name() + " cannot write new migrations.",
                "Write them by hand from the plan printed above.", null);
    }

    default List<PendingMigration> readOffline(String location, ToolOptions options) {
        throw new MigrateException(CoreErrorCode.UNSUPPORTED, name() + " has no offline reading of its migrations.",
                "Give its SQL files to check directly.", null);
    }
}
