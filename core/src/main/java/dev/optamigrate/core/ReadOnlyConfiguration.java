package dev.optamigrate.core;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.release.RunningRelease;
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
        configuration.policy().check(Optional.empty(), configuration.listener());
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
