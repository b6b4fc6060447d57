package dev.optamigrate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.spi.ExecutionStrategyProvider;
import dev.optamigrate.core.spi.MigrationToolProvider;
import dev.optamigrate.core.strategy.ExecutionStrategies;
import dev.optamigrate.core.tool.MigrationTools;
import org.junit.jupiter.api.Test;

class ServiceLoaderTest {
    @Test
    void findsCoreProviders() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(MigrationTools.discover(loader).providers()).extracting(MigrationToolProvider::name)
                .contains("flyway");
        assertThat(MigrationTools.discover(loader).providers()).allMatch(MigrationToolProvider::isAvailable);
        assertThat(ExecutionStrategies.discover(loader).providers()).extracting(ExecutionStrategyProvider::name)
                .contains("local");
    }
}
