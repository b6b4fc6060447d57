package dev.optamigrate.core.spi;

import dev.optamigrate.core.MigratorConfiguration;
import java.util.Objects;

/**
 * What a strategy is asked to run.
 *
 * @param configuration the engine configuration (target, tool, location, lock wait, listener); an in-process
 *                      strategy loads it, a remote one passes its settings on
 * @param strategy      the name the strategy was chosen by, recorded in the journal
 */
public record MigrationRequest(MigratorConfiguration configuration, String strategy) {
    public MigrationRequest {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(strategy, "strategy");
    }
}
