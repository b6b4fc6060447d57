package dev.optamigrate.benchmarks;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.apache.ibatis.migration.DataSourceConnectionProvider;
import org.apache.ibatis.migration.FileMigrationLoader;
import org.apache.ibatis.migration.operations.UpOperation;
import org.flywaydb.core.Flyway;

/** Each tool driven through its own API, as a user without opta-migrate would: the baseline for overhead. */
final class RawTools {
    private RawTools() {
    }

    static void migrate(String tool, Path location, DataSource dataSource) throws Exception {
        switch (tool) {
            case "flyway" -> Flyway.configure().dataSource(dataSource).locations("filesystem:" + location)
                    .loggers("slf4j").load().migrate();
            case "liquibase" -> liquibase(location, dataSource);
            case "mybatis" -> new UpOperation().operate(new DataSourceConnectionProvider(dataSource),
                    new FileMigrationLoader(new File(location.resolve("scripts").toString()), "UTF-8",
                            new Properties()), null, null);
            default -> throw new IllegalArgumentException(tool);
        }
    }

    private static void liquibase(Path changelog, DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(changelog.getParent()),
                    Scope.Attr.ui.name(), new LoggerUIService(), "liquibase.analytics.enabled", Boolean.FALSE),
                    () -> new CommandScope(UpdateCommandStep.COMMAND_NAME).addArgumentValue("database", database)
                            .addArgumentValue("changelogFile", changelog.getFileName().toString())
                            .setOutput(OutputStream.nullOutputStream()).execute());
        }
    }
}
