package dev.optamigrate.core.strategy;

import dev.optamigrate.core.spi.ExecutionReport;
import dev.optamigrate.core.spi.ExecutionStrategy;
import dev.optamigrate.core.spi.ExecutionStrategyProvider;

/** The built-in {@code local} strategy: the engine runs in this process, straight against the target. */
public final class LocalStrategyProvider implements ExecutionStrategyProvider {
    public static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Runs the migration in this process, directly against the target (the default).";
    }

    @Override
    public ExecutionStrategy create() {
        return request -> new ExecutionReport(NAME, "this process", request.migrateHere());
    }
}
