package dev.optamigrate.core.spi;

/**
 * What a strategy reports after a successful run.
 *
 * @param strategy the strategy's name
 * @param where    where it ran, in words (for example {@code this process} or a pod name)
 * @param result   the engine's result; {@code null} when the engine ran elsewhere and reported only through
 *                 its output and exit code
 */
public record ExecutionReport(String strategy, String where, MigrateResult result) {
}
