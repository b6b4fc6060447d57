/**
 * OpenTelemetry for runs: one trace per run with a span per migration, and metrics for migration durations, lock
 * waits and pending migrations. The CLI exports them over OTLP when the standard {@code OTEL_*} variables ask for
 * it; the startup strategy hands them to the application's own OpenTelemetry.
 */
package dev.optamigrate.telemetry;
