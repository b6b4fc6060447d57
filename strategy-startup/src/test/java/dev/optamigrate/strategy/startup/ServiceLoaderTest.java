package dev.optamigrate.strategy.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.spi.ExecutionStrategyProvider;
import dev.optamigrate.core.strategy.ExecutionStrategies;
import org.junit.jupiter.api.Test;

class ServiceLoaderTest {
    @Test
    void findsTheStartupStrategy() {
        assertThat(ExecutionStrategies.discover(getClass().getClassLoader()).byName("startup"))
                .isInstanceOf(StartupStrategyProvider.class)
                .extracting(ExecutionStrategyProvider::description).asString().contains("before it accepts traffic");
    }
}
