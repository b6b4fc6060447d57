package dev.optamigrate.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which variables switch the SDK on, and that a refusal never prints a header's value. */
class OtlpTelemetryTest {

    @Test
    void withoutAnEndpointOrAnExporterNothingIsLoaded() {
        assertThat(OtlpTelemetry.fromEnvironment(Map.of("OTEL_SERVICE_NAME", "shop", "PATH", "/bin"))).isEmpty();
        assertThat(OtlpTelemetry.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1",
                "OTEL_SDK_DISABLED", "true"))).isEmpty();
        assertThat(OtlpTelemetry.requested(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:4318/v1/traces")))
                .isTrue();
        assertThat(OtlpTelemetry.requested(Map.of("OTEL_TRACES_EXPORTER", "otlp"))).isTrue();
    }

    @Test
    void anEndpointStartsTheSdkAndInvalidVariablesAreRefusedWithoutTheirHeaders() {
        try (OtlpTelemetry telemetry = OtlpTelemetry.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://127.0.0.1:1")).orElseThrow()) {
            assertThat(telemetry.openTelemetry().getTracer("test").spanBuilder("probe").startSpan().getSpanContext()
                    .isValid()).isTrue();
        }
        assertThatThrownBy(() -> OtlpTelemetry.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://127.0.0.1:1", "OTEL_EXPORTER_OTLP_HEADERS", "x-api-key=sekrit-4711,broken",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "carrier-pigeon")))
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
                    assertThat(failure.getMessage()).doesNotContain("sekrit-4711");
                    assertThat(failure.hint()).contains("http/protobuf", "OTEL_SDK_DISABLED");
                });
    }
}
