package dev.optamigrate.strategy.job;

import dev.optamigrate.core.spi.ExecutionStrategy;
import dev.optamigrate.core.spi.ExecutionStrategyProvider;
import java.time.Duration;

/** ServiceLoader entry for the job strategy. */
public final class JobStrategyProvider implements ExecutionStrategyProvider {
    public static final String NAME = "job";
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration PROGRESS = Duration.ofSeconds(10);

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
        return new JobStrategy(POLL, PROGRESS);
    }

    @Override
    public boolean runsHere() {
        return false;
    }
}
