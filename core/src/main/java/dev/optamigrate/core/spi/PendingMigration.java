package dev.optamigrate.core.spi;

/**
 * A migration that has not run yet, with the SQL it would execute (for dry runs and analysis).
 *
 * @param version       its version or id
 * @param description   a human description
 * @param script        the file or changeset id it comes from
 * @param sql           the SQL text, as the tool would send it
 * @param transactional whether the tool runs it in one transaction (so a failure rolls all of it back); false
 *                      for Flyway's {@code executeInTransaction=false}, Liquibase's {@code runInTransaction:false}
 *                      and MyBatis' {@code auto_commit=true}
 */
public record PendingMigration(String version, String description, String script, String sql,
        boolean transactional) {

    /** A migration the tool runs in a transaction. */
    public PendingMigration(String version, String description, String script, String sql) {
        this(version, description, script, sql, true);
    }
}
