package dev.optamigrate.strategy.shell;

import dev.optamigrate.core.spi.ExecutionStrategy;
import dev.optamigrate.core.spi.ExecutionStrategyProvider;
import java.time.Duration;

/** ServiceLoader entry for the shell strategy. */
public final class ShellStrategyProvider implements ExecutionStrategyProvider {
    public static final String NAME = "shell";
    private static final Duration PROGRESS = Duration.ofSeconds(30);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Runs the migration in the main container of a Ready pod of the service, after confirmation "
                + "(needs --service; --yes in scripts).";
    }

    @Override
    public ExecutionStrategy create() {
        return new ShellStrategy(PROGRESS);
    }

    @Override
    public boolean runsHere() {
        return false;
    }
}
