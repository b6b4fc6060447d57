package dev.optamigrate.telemetry;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry SDK as the standard {@code OTEL_*} variables configure it, exporting over OTLP/HTTP: for a
 * process that has no OpenTelemetry of its own (the CLI). Without those variables nothing is loaded and nothing
 * costs.
 */
public final class OtlpTelemetry implements AutoCloseable {
    /** What the variables leave unset: OTLP over HTTP (gRPC is not bundled), no log export, the service's name. */
    private static final Map<String, String> DEFAULTS = Map.of("otel.exporter.otlp.protocol", "http/protobuf",
            "otel.logs.exporter", "none", "otel.service.name", "opta-migrate");
    /** The longest the last export may hold up the end of the process. */
    private static final long LAST_EXPORT_SECONDS = 3;

    private final OpenTelemetrySdk sdk;

    private OtlpTelemetry(OpenTelemetrySdk sdk) {
        this.sdk = sdk;
    }

    /**
     * The SDK, when the variables name an OTLP endpoint or an exporter and do not disable the SDK.
     *
     * @throws MigrateException {@code CONFIGURATION} when the variables are not valid
     */
    public static Optional<OtlpTelemetry> fromEnvironment(Map<String, String> environment) {
        if (!requested(environment)) {
            return Optional.empty();
        }
        Map<String, String> properties = new HashMap<>(DEFAULTS);
        environment.forEach((variable, value) -> {
            if (variable.startsWith("OTEL_")) {
                properties.put(variable.toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        try {
            return Optional.of(new OtlpTelemetry(AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(() -> properties).disableShutdownHook().build()
                    .getOpenTelemetrySdk()));
        } catch (RuntimeException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The OTEL_* variables do not configure "
                    + "OpenTelemetry: " + withoutHeaders(String.valueOf(e.getMessage()), environment),
                    "Check them against the OpenTelemetry SDK's documentation; opta-migrate exports over OTLP/HTTP "
                            + "(OTEL_EXPORTER_OTLP_PROTOCOL http/protobuf). Unset OTEL_EXPORTER_OTLP_ENDPOINT, or set "
                            + "OTEL_SDK_DISABLED=true, to run without.", null);
        }
    }

    /** Whether the variables ask for telemetry: an OTLP endpoint or an exporter named, and the SDK not disabled. */
    static boolean requested(Map<String, String> environment) {
        if ("true".equalsIgnoreCase(environment.getOrDefault("OTEL_SDK_DISABLED", ""))) {
            return false;
        }
        return environment.keySet().stream().anyMatch(variable -> variable.startsWith("OTEL_EXPORTER_OTLP_")
                && variable.endsWith("ENDPOINT") || variable.equals("OTEL_TRACES_EXPORTER")
                || variable.equals("OTEL_METRICS_EXPORTER"));
    }

    /** The message with the header variables' values (and each name and value in them) left out: keys hide there. */
    private static String withoutHeaders(String message, Map<String, String> environment) {
        String redacted = message;
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (!variable.getKey().startsWith("OTEL_") || !variable.getKey().contains("HEADERS")) {
                continue;
            }
            redacted = redacted.replace(variable.getValue(), "<" + variable.getKey() + ">");
            for (String part : variable.getValue().split("[,=]")) {
                if (part.strip().length() > 3) {
                    redacted = redacted.replace(part.strip(), "<" + variable.getKey() + ">");
                }
            }
        }
        return redacted;
    }

    public OpenTelemetry openTelemetry() {
        return sdk;
    }

    /** Exports what is left (the run's spans, its metrics) and stops, waiting at most a few seconds. */
    @Override
    public void close() {
        sdk.shutdown().join(LAST_EXPORT_SECONDS, TimeUnit.SECONDS);
    }
}
