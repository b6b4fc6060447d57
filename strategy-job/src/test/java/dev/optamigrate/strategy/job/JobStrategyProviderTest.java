package dev.optamigrate.strategy.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.strategy.ExecutionStrategies;
import org.junit.jupiter.api.Test;

class JobStrategyProviderTest {

    @Test
    void serviceLoaderFindsTheJobStrategyAndItRunsElsewhere() {
        var provider = ExecutionStrategies.discover(getClass().getClassLoader()).byName("job");

        assertThat(provider).isInstanceOf(JobStrategyProvider.class);
        assertThat(provider.runsHere()).isFalse();
    }
}
