package dev.optamigrate.strategy.startup;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.telemetry.RunTelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import java.util.Map;
import java.util.Optional;

/** The globally registered OpenTelemetry; loaded only once {@link AppTelemetry} found the API on the classpath. */
final class GlobalTelemetry {
    private GlobalTelemetry() {
    }

    static Optional<EventListener> listener(Map<String, String> labels) {
        return GlobalOpenTelemetry.isSet() ? Optional.of(new RunTelemetry(GlobalOpenTelemetry.get(), labels))
                : Optional.empty();
    }
}
