package dev.optamigrate.core.spi;

import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.settings.Settings;
import java.util.List;
import java.util.Objects;

/**
 * What a strategy is asked to run.
 *
 * @param configuration the engine configuration (tool, location, lock wait, release, operator, listener). It has
 *                      a target only for strategies that {@linkplain ExecutionStrategyProvider#runsHere() run
 *                      here}; a remote strategy passes its settings on instead.
 * @param strategy      the name the strategy was chosen by, recorded in the journal
 * @param settings      every resolved setting, for strategies that need more than the engine (namespace,
 *                      service, Job limits)
 * @param command       the command a remote strategy runs instead of its default; empty for the default
 * @param detach        return as soon as the run has started elsewhere, without waiting for its outcome
 */
public record MigrationRequest(MigratorConfiguration configuration, String strategy, Settings settings,
        List<String> command, boolean detach) {
    public MigrationRequest {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(settings, "settings");
        command = List.copyOf(command);
    }

    /** A request to run the engine here, with settings from the process environment. */
    public MigrationRequest(MigratorConfiguration configuration, String strategy) {
        this(configuration, strategy, Settings.fromEnvironment(System.getenv()), List.of(), false);
    }
}
