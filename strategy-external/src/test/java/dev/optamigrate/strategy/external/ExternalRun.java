package dev.optamigrate.strategy.external;

import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.settings.SettingsLoader;
import dev.optamigrate.core.spi.Confirmation;
import dev.optamigrate.core.spi.ExecutionReport;
import dev.optamigrate.core.spi.MigrationRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** One run of the external strategy in a test: its settings, what it was asked to confirm, and its events. */
final class ExternalRun {
    final Map<Setting, String> flags = new HashMap<>();
    final Map<String, String> environment = new HashMap<>();
    final List<MigrationEvent> events = new CopyOnWriteArrayList<>();
    final List<String> shown = new CopyOnWriteArrayList<>();
    private final Path directory;
    private boolean yes;

    ExternalRun(Path directory) {
        this.directory = directory;
    }

    ExternalRun set(Setting setting, String value) {
        flags.put(setting, value);
        return this;
    }

    ExternalRun env(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    /** As {@code --yes}: every confirmation is given up front. */
    ExternalRun yes() {
        yes = true;
        return this;
    }

    ExecutionReport execute() {
        Settings settings = SettingsLoader.load(flags, environment, Optional.empty(), directory);
        MigratorConfiguration configuration = MigratorConfiguration.from(settings).addListener(events::add)
                .operator("tester").confirmation(new Confirmation() {
                    @Override
                    public void confirm(String summary) {
                        requireUpFront(summary);
                    }

                    @Override
                    public void requireUpFront(String summary) {
                        shown.add(summary);
                        if (!yes) {
                            throw Confirmation.refused("Not confirmed.", "Give --yes to confirm.");
                        }
                    }
                });
        return new ExternalStrategy(Duration.ofMillis(50), Duration.ofSeconds(2)).execute(new MigrationRequest(
                configuration.readOnly(), ExternalStrategyProvider.NAME, settings, List.of(), false));
    }

    List<String> progress() {
        return events.stream().filter(MigrationEvent.Progress.class::isInstance)
                .map(event -> ((MigrationEvent.Progress) event).message()).toList();
    }
}
