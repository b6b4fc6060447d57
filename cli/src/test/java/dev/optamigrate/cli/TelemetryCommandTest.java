package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `migrate` with the OTEL_* variables set: the SDK exports over OTLP/HTTP to a receiver that decodes it. */
class TelemetryCommandTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void aRunIsOneTraceWithASpanPerMigrationAndItsMetrics(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            Cli.Result result = Cli.run(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint()), dir, "migrate",
                    "--url", db.url(), "--location", location.toString(), "--release", "shop:1.9", "--standby",
                    "alice");

            assertThat(result.exitCode()).as(result.all()).isZero();
            Span run = receiver.spans().stream().filter(span -> span.getName().equals("opta-migrate migrate"))
                    .findFirst().orElseThrow();
            List<Span> migrations = receiver.spans().stream().filter(span -> span.getName().startsWith("migration "))
                    .toList();
            assertThat(migrations).extracting(Span::getName).containsExactly("migration 1", "migration 2",
                    "migration 3", "migration 4");
            assertThat(migrations).allSatisfy(migration -> {
                assertThat(migration.getTraceId()).isEqualTo(run.getTraceId());
                assertThat(migration.getParentSpanId()).isEqualTo(run.getSpanId());
                assertThat(attributes(migration)).containsEntry("opta_migrate.tool", "flyway")
                        .containsEntry("opta_migrate.release", "shop:1.9").containsKey("opta_migrate.script");
            });
            assertThat(run.getParentSpanId().isEmpty()).isTrue();
            assertThat(attributes(run)).containsEntry("opta_migrate.strategy", "local")
                    .containsEntry("opta_migrate.standby", "alice").containsEntry("opta_migrate.to_version", "4")
                    .containsEntry("opta_migrate.applied", "4").containsEntry("opta_migrate.lock.retries", "0")
                    .containsKey("opta_migrate.lock.wait_ms");
            assertThat(receiver.metrics()).extracting(Metric::getName).contains("opta_migrate.migration.duration",
                    "opta_migrate.lock.wait", "opta_migrate.pending");
            assertThat(receiver.metrics()).filteredOn(metric -> metric.getName().equals(
                    "opta_migrate.migration.duration")).singleElement().satisfies(metric -> assertThat(metric
                            .getHistogram().getDataPoints(0).getCount()).isEqualTo(4));
        }
    }

    @Test
    void withoutTheVariablesNothingIsExportedAndWithBadOnesTheRunSaysWhichToFix(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            Cli.Result bad = Cli.run(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                    "OTEL_EXPORTER_OTLP_PROTOCOL", "carrier-pigeon", "OTEL_EXPORTER_OTLP_HEADERS",
                    "api-key=sekrit-4711"), dir, "migrate", "--url", db.url(), "--location", location.toString());
            boolean changedByRefusedRun = db.hasTable("customers");
            Cli.Result quiet = Cli.run(Map.of(), dir, "migrate", "--url", db.url(), "--location",
                    location.toString());

            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).contains("The OTEL_* variables do not configure OpenTelemetry", "carrier-pigeon")
                    .doesNotContain("sekrit-4711");
            assertThat(changedByRefusedRun).isFalse();
            assertThat(quiet.exitCode()).isZero();
            assertThat(db.hasTable("customers")).isTrue();
            assertThat(receiver.spans()).isEmpty();
        }
    }

    private static Map<String, String> attributes(Span span) {
        return span.getAttributesList().stream().collect(Collectors.toMap(KeyValue::getKey, attribute -> {
            var value = attribute.getValue();
            return value.hasIntValue() ? Long.toString(value.getIntValue()) : value.getStringValue();
        }));
    }
}
