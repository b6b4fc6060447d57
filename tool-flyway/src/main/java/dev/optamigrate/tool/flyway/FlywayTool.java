package dev.optamigrate.tool.flyway;

import dev.optamigrate.core.spi.MigrationSession;
import dev.optamigrate.core.spi.MigrationTool;
import dev.optamigrate.core.spi.NewMigration;
import dev.optamigrate.core.spi.ToolContext;
import dev.optamigrate.core.spi.ToolOptions;
import dev.optamigrate.core.tool.ProjectClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway, configured for use under opta-migrate's lock: its PostgreSQL lock is session-level when a migration runs
 * outside a transaction (so {@code CREATE INDEX CONCURRENTLY} does not wait on it; see {@link FlywayInstances}),
 * clean is disabled, and pending migrations are not a validation error.
 */
final class FlywayTool implements MigrationTool {
    static final String NAME = "flyway";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MigrationSession open(ToolContext context) {
        ClassLoader loader = ProjectClassLoader.of(context.options().classpath());
        FlywayLocation location = FlywayLocation.of(context.location(), loader);
        FluentConfiguration configuration = Flyway.configure(loader)
                .dataSource(context.dataSource())
                .placeholders(context.options().placeholders())
                .locations(location.flywayLocation())
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .ignoreMigrationPatterns("*:future", "*:pending")
                .cleanDisabled(true)
                .loggers("slf4j")
                .callbacks(new FlywayEventCallback(context.events()));
        return new FlywaySession(new FlywayInstances(configuration), location, context.options().placeholders());
    }

    @Override
    public List<Path> write(String location, ToolOptions options, List<NewMigration> migrations) {
        return FlywayWriter.write(location, migrations);
    }
}
