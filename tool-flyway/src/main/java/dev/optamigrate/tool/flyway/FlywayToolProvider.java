package dev.optamigrate.tool.flyway;

import dev.optamigrate.core.spi.MigrationTool;
import dev.optamigrate.core.spi.MigrationToolProvider;
import dev.optamigrate.core.tool.MigrationTools;
import java.nio.file.Path;
import java.util.Optional;

/** Registers Flyway (with its PostgreSQL support) under the name {@code flyway}. */
public final class FlywayToolProvider implements MigrationToolProvider {

    @Override
    public String name() {
        return FlywayTool.NAME;
    }

    @Override
    public boolean isAvailable() {
        ClassLoader loader = getClass().getClassLoader();
        return MigrationTools.onClasspath("org.flywaydb.core.Flyway", loader)
                && MigrationTools.onClasspath("org.flywaydb.database.postgresql.PostgreSQLDatabaseType", loader);
    }

    @Override
    public MigrationTool create() {
        return new FlywayTool();
    }

    @Override
    public Optional<String> recognize(Path location) {
        return FlywayLocation.recognize(location);
    }
}
