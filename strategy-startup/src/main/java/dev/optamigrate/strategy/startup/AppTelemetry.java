package dev.optamigrate.strategy.startup;

import dev.optamigrate.core.event.EventListener;
import java.util.Map;
import java.util.Optional;

/**
 * The application's own OpenTelemetry, when it has one: the run's trace and metrics go where the application's
 * go, through the SDK it (or its Java agent) registered globally, never through a second SDK. An application
 * without the OpenTelemetry API, or with none registered, gets nothing and pays nothing.
 */
final class AppTelemetry {
    private static final String API = "io.opentelemetry.api.GlobalOpenTelemetry";

    private AppTelemetry() {
    }

    /** A listener that reports to the application's OpenTelemetry, when it registered one. */
    static Optional<EventListener> listener(Map<String, String> labels) {
        try {
            Class.forName(API, false, AppTelemetry.class.getClassLoader());
        } catch (ClassNotFoundException noOpenTelemetry) {
            return Optional.empty();
        }
        try {
            return GlobalTelemetry.listener(labels);
        } catch (LinkageError olderApi) {
            return Optional.empty();
        }
    }
}
