package dev.optamigrate.core.tool.flyway;

import dev.optamigrate.core.spi.MigrationTool;
import dev.optamigrate.core.spi.MigrationToolProvider;
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
        return present("org.flywaydb.core.Flyway") && present("org.flywaydb.database.postgresql.PostgreSQLDatabaseType");
    }

    @Override
    public MigrationTool create() {
        return new FlywayTool();
    }

    @Override
    public Optional<String> recognize(Path location) {
        return FlywayLocation.recognize(location);
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, FlywayToolProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
