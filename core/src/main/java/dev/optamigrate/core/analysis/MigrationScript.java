package dev.optamigrate.core.analysis;

/**
 * The SQL of one migration, as a check reads it.
 *
 * @param file          where it comes from: a path, a migration script or a changeset id
 * @param sql           its SQL text
 * @param transactional whether the tool runs it in one transaction, which its own COMMIT would end
 */
public record MigrationScript(String file, String sql, boolean transactional) {

    /** A migration that runs in a transaction, as every tool runs them by default. */
    public MigrationScript(String file, String sql) {
        this(file, sql, true);
    }
}
