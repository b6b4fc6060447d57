package dev.optamigrate.strategy.external;

import dev.optamigrate.core.spi.ExecutionStrategy;
import dev.optamigrate.core.spi.ExecutionStrategyProvider;
import java.time.Duration;

/** ServiceLoader entry for the external strategy. */
public final class ExternalStrategyProvider implements ExecutionStrategyProvider {
    public static final String NAME = "external";
    private static final Duration POLL = Duration.ofSeconds(1);
    /** Covers the kubelet's first back-off (10 s) and the retry after it, so one registry blip passes. */
    private static final Duration PULL_GRACE = Duration.ofSeconds(30);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Runs the migration here against a remote database after a connection preflight; TLS required "
                + "for remote hosts; --credentials-from-cluster, --tunnel.";
    }

    @Override
    public ExecutionStrategy create() {
        return new ExternalStrategy(POLL, PULL_GRACE);
    }

    /** It resolves the target itself: from the settings, or from the service's Secret, or through a tunnel. */
    @Override
    public boolean runsHere() {
        return false;
    }
}
