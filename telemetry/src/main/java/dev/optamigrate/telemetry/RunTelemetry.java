package dev.optamigrate.telemetry;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongGauge;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.Map;

/**
 * A run's events as OpenTelemetry: a span for the run (its parent is the caller's current span, if any) with a
 * child span per migration, and the metrics {@value #MIGRATION_DURATION}, {@value #LOCK_WAIT} and
 * {@value #PENDING}. Attributes are under {@code opta_migrate.}: the tool, strategy, release and the run's other
 * labels on every span; version, script and description on a migration's; lock wait, lock retries, versions and
 * the number applied on the run's. A value that is not known (the version of an empty schema, of a repeatable
 * migration) leaves its attribute out.
 */
public final class RunTelemetry implements EventListener {
    /** The instrumentation scope: the tracer's and the meter's name. */
    public static final String SCOPE = "dev.optamigrate";
    public static final String MIGRATION_DURATION = "opta_migrate.migration.duration";
    public static final String LOCK_WAIT = "opta_migrate.lock.wait";
    public static final String PENDING = "opta_migrate.pending";

    private final Tracer tracer;
    private final DoubleHistogram migrationDuration;
    private final DoubleHistogram lockWait;
    private final LongGauge pending;
    private final Map<String, String> labels;
    private Attributes common = Attributes.empty();
    private Span run;
    private Span migration;
    private int lockRetries;

    /**
     * @param labels the run's labels (release, environment, operator, standby, overrides' reasons), each an
     *               attribute {@code opta_migrate.<label>}
     */
    public RunTelemetry(OpenTelemetry openTelemetry, Map<String, String> labels) {
        this.tracer = openTelemetry.getTracer(SCOPE);
        Meter meter = openTelemetry.getMeter(SCOPE);
        this.migrationDuration = meter.histogramBuilder(MIGRATION_DURATION).setUnit("s")
                .setDescription("How long each migration took").build();
        this.lockWait = meter.histogramBuilder(LOCK_WAIT).setUnit("s")
                .setDescription("How long a run waited for the migration lock").build();
        this.pending = meter.gaugeBuilder(PENDING).ofLongs()
                .setDescription("Migrations pending when a run read the status").build();
        this.labels = Map.copyOf(labels);
    }

    @Override
    public synchronized void on(MigrationEvent event) {
        if (event instanceof MigrationEvent.RunStarted started) {
            runStarted(started);
        } else if (run == null) {
            return;
        } else if (event instanceof MigrationEvent.LockAcquired acquired) {
            run.setAttribute("opta_migrate.lock.wait_ms", acquired.waited().toMillis());
            lockWait.record(seconds(acquired.waited()), common);
        } else if (event instanceof MigrationEvent.LockRetry retry) {
            lockRetries++;
            run.addEvent("lock retry", Attributes.of(AttributeKey.longKey("opta_migrate.attempt"),
                    (long) retry.attempt()));
        } else if (event instanceof MigrationEvent.StatusRead status) {
            run.setAttribute("opta_migrate.pending", status.pending());
            run.setAttribute("opta_migrate.from_version", status.current());
            pending.set(status.pending(), common);
        } else if (event instanceof MigrationEvent.MigrationStarted started) {
            migrationStarted(started);
        } else if (event instanceof MigrationEvent.MigrationFinished finished && migration != null) {
            migration.end();
            migration = null;
            migrationDuration.record(seconds(finished.duration()), common.toBuilder()
                    .put("opta_migrate.outcome", "applied").build());
        } else if (event instanceof MigrationEvent.MigrationFailed failed && migration != null) {
            migration.setStatus(StatusCode.ERROR, "failed after " + failed.duration().toMillis() + " ms");
            migration.end();
            migration = null;
            migrationDuration.record(seconds(failed.duration()), common.toBuilder()
                    .put("opta_migrate.outcome", "failed").build());
        } else if (event instanceof MigrationEvent.RunFinished finished) {
            run.setAttribute("opta_migrate.to_version", finished.to());
            run.setAttribute("opta_migrate.applied", finished.applied());
            endRun();
        } else if (event instanceof MigrationEvent.RunFailed failed) {
            run.setAttribute("opta_migrate.error_code", failed.errorCode());
            run.setStatus(StatusCode.ERROR, failed.message());
            endRun();
        }
    }

    private void runStarted(MigrationEvent.RunStarted started) {
        AttributesBuilder attributes = Attributes.builder().put("opta_migrate.tool", started.tool())
                .put("opta_migrate.strategy", started.strategy());
        labels.forEach((label, value) -> attributes.put("opta_migrate." + label, value));
        common = attributes.build();
        lockRetries = 0;
        run = tracer.spanBuilder("opta-migrate " + started.action()).setAllAttributes(common)
                .setAttribute("opta_migrate.location", started.location())
                .setAttribute("opta_migrate.target", started.target()).startSpan();
    }

    private void migrationStarted(MigrationEvent.MigrationStarted started) {
        String name = started.version() != null ? started.version() : started.script();
        migration = tracer.spanBuilder("migration " + name).setParent(Context.current().with(run))
                .setAllAttributes(common)
                .setAttribute("opta_migrate.version", started.version())
                .setAttribute("opta_migrate.script", started.script())
                .setAttribute("opta_migrate.description", started.description()).startSpan();
    }

    private void endRun() {
        if (migration != null) {
            migration.end();
            migration = null;
        }
        run.setAttribute("opta_migrate.lock.retries", lockRetries);
        run.end();
        run = null;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
