package dev.optamigrate.core.spi;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.target.Target;
import java.util.List;
import java.util.Objects;

/**
 * What a strategy is asked to run.
 *
 * @param configuration the engine's configuration, read-only. It has a target only for strategies that
 *                      {@linkplain ExecutionStrategyProvider#runsHere() run here}; a remote strategy passes its
 *                      settings on instead.
 * @param strategy      the name the strategy was chosen by, recorded in the journal
 * @param settings      every resolved setting, for strategies that need more than the engine (namespace,
 *                      service, Job limits)
 * @param command       the command a remote strategy runs instead of its default; empty for the default
 * @param detach        return as soon as the run has started elsewhere, without waiting for its outcome
 */
public record MigrationRequest(RunConfiguration configuration, String strategy, Settings settings,
        List<String> command, boolean detach) {
    public MigrationRequest {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(settings, "settings");
        command = List.copyOf(command);
    }

    /**
     * Migrates the request's target in this process, recording the request's strategy: what a strategy that
     * {@linkplain ExecutionStrategyProvider#runsHere() runs here} does once it is ready.
     *
     * @throws MigrateException {@code CONFIGURATION} when the request has no target
     */
    public MigrateResult migrateHere() {
        Target target = configuration.target().orElseThrow(() -> new MigrateException(CoreErrorCode.CONFIGURATION,
                "Strategy " + strategy + " runs the migration in this process, but it was given no target database.",
                "Configure the target (MigratorConfiguration.target, or the url setting) before choosing the "
                        + "strategy.", null));
        return configuration.migratorFor(target, strategy).migrate();
    }

    /** A request to run the default command and wait for it. */
    public MigrationRequest(RunConfiguration configuration, String strategy, Settings settings) {
        this(configuration, strategy, settings, List.of(), false);
    }
}
