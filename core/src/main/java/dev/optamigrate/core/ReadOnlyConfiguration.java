package dev.optamigrate.core;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.promotion.PromotionOptions;
import dev.optamigrate.core.release.RunningRelease;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.spi.Confirmation;
import dev.optamigrate.core.spi.RunConfiguration;
import dev.optamigrate.core.spi.TargetMigrator;
import dev.optamigrate.core.target.Target;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The engine's configuration as strategies see it through the SPI. */
final class ReadOnlyConfiguration implements RunConfiguration {
    private final EngineConfiguration configuration;

    ReadOnlyConfiguration(EngineConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Optional<String> tool() {
        return Optional.ofNullable(configuration.tool());
    }

    @Override
    public String location() {
        return configuration.location();
    }

    @Override
    public Duration lockWait() {
        return configuration.lockWait();
    }

    @Override
    public Optional<String> release() {
        return Optional.ofNullable(configuration.release());
    }

    @Override
    public Optional<String> operator() {
        return Optional.ofNullable(configuration.operator());
    }

    @Override
    public EventListener listener() {
        return configuration.listener();
    }

    @Override
    public Confirmation confirmation() {
        return configuration.confirmation();
    }

    @Override
    public Optional<Target> target() {
        return Optional.ofNullable(configuration.target());
    }

    @Override
    public void checkRunPolicy() {
        configuration.policy().check(Optional.empty(), Optional.empty(), configuration.listener());
        if (configuration.promotion().receipt() != null) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The receipt " + configuration.promotion()
                    .receipt() + " is a file on this machine, and the " + configuration.strategy() + " strategy runs "
                    + "the migration in the cluster, where the promotion gate cannot read it.", "Give the rehearsal "
                            + "environment's database instead: " + CoreSetting.REHEARSAL_URL.names() + ", with its "
                            + "password in " + PromotionOptions.PASSWORD_VARIABLE + " from the Job's Secret.", null);
        }
    }

    @Override
    public RunConfiguration withRunningReleases(Map<String, Integer> podsPerRelease) {
        return new ReadOnlyConfiguration(configuration.withRunning(podsPerRelease.entrySet().stream()
                .map(release -> new RunningRelease(release.getKey(), release.getValue())).toList()));
    }

    @Override
    public TargetMigrator migratorFor(Target target, String strategy) {
        return new Migrator(configuration.at(target, strategy).withDetectedTool());
    }
}
