package dev.optamigrate.core.spi;

/**
 * A migration that has not run yet, with the SQL it would execute (for dry runs and analysis).
 *
 * @param version     its version or id
 * @param description a human description
 * @param script      the file or changeset id it comes from
 * @param sql         the SQL text, as the tool would send it
 */
public record PendingMigration(String version, String description, String script, String sql) {
}
