package dev.optamigrate.strategy.startup;

import dev.optamigrate.core.spi.ExecutionStrategy;
import dev.optamigrate.core.spi.ExecutionStrategyProvider;

/** Registers the {@code startup} strategy. */
public final class StartupStrategyProvider implements ExecutionStrategyProvider {
    public static final String NAME = "startup";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Runs the migration in the server's own process before it accepts traffic; warns past a 30s budget.";
    }

    @Override
    public ExecutionStrategy create() {
        return new StartupStrategy(StartupStrategy.DEFAULT_BUDGET);
    }
}
