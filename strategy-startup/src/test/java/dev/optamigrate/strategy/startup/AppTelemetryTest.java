package dev.optamigrate.strategy.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** At start-up the run reports to the OpenTelemetry the application registered, not to an SDK of its own. */
class AppTelemetryTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @AfterEach
    void forgetTheApplicationsOpenTelemetry() {
        GlobalOpenTelemetry.resetForTest();
    }

    @Test
    void theRunIsTracedWithTheApplicationsOwnSdk(TestDatabase db) {
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        GlobalOpenTelemetry.set(OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exported)).build()).build());

        StartupMigration.fromEnvironment(Map.of("OPTA_MIGRATE_URL", db.url(), "OPTA_MIGRATE_RELEASE", "shop:2.0"))
                .tool("flyway").location("classpath:db/migration").run();

        SpanData run = exported.getFinishedSpanItems().stream().filter(span -> span.getName()
                .equals("opta-migrate migrate")).findFirst().orElseThrow();
        assertThat(run.getAttributes().asMap()).extractingFromEntries(entry -> entry.getKey().getKey() + "="
                + entry.getValue()).contains("opta_migrate.strategy=startup", "opta_migrate.release=shop:2.0");
        assertThat(exported.getFinishedSpanItems()).filteredOn(span -> span.getName().startsWith("migration "))
                .isNotEmpty().allSatisfy(span -> assertThat(span.getParentSpanId()).isEqualTo(run.getSpanId()));
    }

    @Test
    void anApplicationThatRegisteredNoneGetsNoListener() {
        assertThat(AppTelemetry.listener(Map.of())).isEmpty();
    }
}
