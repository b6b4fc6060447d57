package dev.optamigrate.tool.liquibase;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.spi.MigrationSession;
import dev.optamigrate.core.spi.MigrationTool;
import dev.optamigrate.core.spi.NewMigration;
import dev.optamigrate.core.spi.PendingMigration;
import dev.optamigrate.core.spi.ToolContext;
import dev.optamigrate.core.spi.ToolOptions;
import dev.optamigrate.core.tool.ProjectClassLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.OfflineConnection;
import liquibase.exception.DatabaseException;
import liquibase.resource.DirectoryResourceAccessor;

/** Liquibase 4.33, driven through its {@code CommandScope} API on one connection. */
final class LiquibaseTool implements MigrationTool {
    static final String NAME = "liquibase";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MigrationSession open(ToolContext context) {
        LiquibaseChangelog changelog = LiquibaseChangelog.of(context.location(), context.options().searchPath(),
                ProjectClassLoader.of(context.options().classpath()));
        Connection connection;
        try {
            connection = context.dataSource().getConnection();
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Liquibase cannot connect: " + e.getMessage(), e);
        }
        try {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new ChangeSetCommits(connection));
            return new LiquibaseSession(database, changelog, context.events(), context.options());
        } catch (DatabaseException e) {
            closeQuietly(connection);
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Liquibase cannot use the connection: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Liquibase's own offline mode ({@code offline:postgresql}): the changelog is read and its SQL generated for
     * PostgreSQL as {@code update-sql} would, against an empty history kept in a throw-away file.
     */
    @Override
    public List<Path> write(String location, ToolOptions options, List<NewMigration> migrations) {
        return LiquibaseWriter.write(location, migrations);
    }

    @Override
    public List<PendingMigration> readOffline(String location, ToolOptions options) {
        LiquibaseChangelog changelog = LiquibaseChangelog.of(location, options.searchPath(),
                ProjectClassLoader.of(options.classpath()));
        Path history = null;
        try {
            history = Files.createTempDirectory("opta-migrate-offline");
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new OfflineConnection(
                    "offline:postgresql?changeLogFile=" + history.resolve("history.csv")
                            + "&outputLiquibaseSql=none", new DirectoryResourceAccessor(history)));
            ChangeLogHistoryServiceFactory.getInstance().getChangeLogService(database).init();
            try (LiquibaseSession session = new LiquibaseSession(database, changelog, EventListener.NONE, options)) {
                session.status();
                return session.pending();
            }
        } catch (IOException | DatabaseException e) {
            throw new MigrateException(CoreErrorCode.INTERNAL, "Liquibase's offline mode could not start: " + e, e);
        } finally {
            deleteQuietly(history);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary directory; the system cleans its temporary files
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing more to do with a connection that failed
        }
    }
}
