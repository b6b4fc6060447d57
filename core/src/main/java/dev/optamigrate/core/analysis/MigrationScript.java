package dev.optamigrate.core.analysis;

/**
 * The SQL of one migration, as a check reads it.
 *
 * @param file where it comes from: a path, a migration script or a changeset id
 * @param sql  its SQL text
 */
public record MigrationScript(String file, String sql) {
}
