package dev.optamigrate.core.tool.liquibase;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.MigrationSession;
import dev.optamigrate.core.spi.MigrationTool;
import dev.optamigrate.core.spi.ToolContext;
import java.sql.Connection;
import java.sql.SQLException;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

/** Liquibase 4.33, driven through its {@code CommandScope} API on one connection. */
final class LiquibaseTool implements MigrationTool {
    static final String NAME = "liquibase";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MigrationSession open(ToolContext context) {
        LiquibaseChangelog changelog = LiquibaseChangelog.of(context.location(), context.options().searchPath());
        Connection connection;
        try {
            connection = context.dataSource().getConnection();
        } catch (SQLException e) {
            throw new MigrateException(ErrorCode.CANNOT_CONNECT, "Liquibase cannot connect: " + e.getMessage(), e);
        }
        try {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            return new LiquibaseSession(database, changelog, context.events(), context.options());
        } catch (DatabaseException e) {
            closeQuietly(connection);
            throw new MigrateException(ErrorCode.CANNOT_CONNECT, "Liquibase cannot use the connection: "
                    + e.getMessage(), e);
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
