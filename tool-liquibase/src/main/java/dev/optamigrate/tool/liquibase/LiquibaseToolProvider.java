package dev.optamigrate.tool.liquibase;

import dev.optamigrate.core.spi.MigrationTool;
import dev.optamigrate.core.spi.MigrationToolProvider;
import dev.optamigrate.core.tool.MigrationTools;
import java.nio.file.Path;
import java.util.Optional;

/** Registers Liquibase under the name {@code liquibase}. */
public final class LiquibaseToolProvider implements MigrationToolProvider {

    @Override
    public String name() {
        return LiquibaseTool.NAME;
    }

    @Override
    public boolean isAvailable() {
        return MigrationTools.onClasspath("liquibase.command.CommandScope", getClass().getClassLoader());
    }

    @Override
    public MigrationTool create() {
        return new LiquibaseTool();
    }

    @Override
    public Optional<String> recognize(Path location) {
        return LiquibaseChangelog.recognize(location);
    }
}
