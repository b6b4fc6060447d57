package dev.optamigrate.cli.command;

import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.notify.Notifications;
import dev.optamigrate.core.notify.Notifier;
import dev.optamigrate.core.policy.RunLabels;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.telemetry.OtlpTelemetry;
import dev.optamigrate.telemetry.RunTelemetry;
import java.util.Map;
import java.util.Optional;

/**
 * Who watches a run that changes the schema here: the notification sinks the settings name, and OpenTelemetry
 * when the {@code OTEL_*} variables ask for it. Closing gives both their last deliveries.
 */
final class RunObservers implements AutoCloseable {
    private final Optional<Notifier> notifier;
    private final Optional<OtlpTelemetry> telemetry;
    private final Map<String, String> labels;

    private RunObservers(Optional<Notifier> notifier, Optional<OtlpTelemetry> telemetry, Map<String, String> labels) {
        this.notifier = notifier;
        this.telemetry = telemetry;
        this.labels = labels;
    }

    /** Nobody watches: a dry run, or a strategy that runs the engine elsewhere, where it is watched. */
    static RunObservers none() {
        return new RunObservers(Optional.empty(), Optional.empty(), Map.of());
    }

    /**
     * @param warnings   where a failed delivery is told
     * @param variables  the process environment, for the {@code OTEL_*} variables
     */
    static RunObservers start(Settings settings, EventListener warnings, Map<String, String> variables) {
        Optional<Notifier> notifier = Notifications.from(settings, warnings);
        try {
            return new RunObservers(notifier, OtlpTelemetry.fromEnvironment(variables), RunLabels.from(settings));
        } catch (RuntimeException e) {
            notifier.ifPresent(Notifier::close);
            throw e;
        }
    }

    /** Adds each observer to the run's listeners. */
    MigratorConfiguration watching(MigratorConfiguration configuration) {
        notifier.ifPresent(configuration::addListener);
        telemetry.ifPresent(sdk -> configuration.addListener(new RunTelemetry(sdk.openTelemetry(), labels)));
        return configuration;
    }

    @Override
    public void close() {
        notifier.ifPresent(Notifier::close);
        telemetry.ifPresent(OtlpTelemetry::close);
    }
}
