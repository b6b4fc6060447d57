package dev.optamigrate.strategy.job;

import dev.optamigrate.core.spi.ExecutionStrategy;
import dev.optamigrate.core.spi.ExecutionStrategyProvider;

/** ServiceLoader entry for the job strategy. */
public final class JobStrategyProvider implements ExecutionStrategyProvider {
    public static final String NAME = "job";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Runs the migration as a one-time Kubernetes Job from the service's current image "
                + "(needs --service).";
    }

    @Override
    public ExecutionStrategy create() {
        return new JobStrategy(WatchTiming::standard);
    }

    @Override
    public boolean runsHere() {
        return false;
    }
}
