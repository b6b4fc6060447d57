package dev.optamigrate.tool.flyway;

import java.util.Locale;
import java.util.regex.Pattern;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.info.MigrationInfoImpl;

/**
 * Whether Flyway runs a migration in a transaction. Flyway decides from the script's config file
 * ({@code .sql.conf}) or else by parsing the script for statements PostgreSQL refuses in a transaction. Parsing
 * every pending script a second time is the largest part of listing them, so the parser is asked only when the
 * answer could be no.
 */
final class FlywayTransactions {
    /**
     * Every statement Flyway's PostgreSQL parser runs outside a transaction has one of these words: {@code CREATE
     * INDEX CONCURRENTLY}, {@code CREATE DATABASE}, {@code TABLESPACE}, {@code SUBSCRIPTION}, {@code ALTER SYSTEM},
     * {@code REINDEX SCHEMA}, {@code VACUUM}, {@code DISCARD ALL}, {@code ALTER TYPE ... ADD VALUE}. As whole
     * words: {@code VALUES} in an {@code INSERT} is not one of them.
     */
    private static final Pattern MAY_RUN_OUTSIDE = Pattern.compile(
            "(?i)\\b(?:CONCURRENTLY|DATABASE|TABLESPACE|SUBSCRIPTION|SYSTEM|VACUUM|DISCARD|VALUE)\\b");

    private FlywayTransactions() {
    }

    /**
     * @param sql          the script's SQL, placeholders replaced
     * @param scriptConfig whether the script has a config file of its own
     */
    static boolean transactional(MigrationInfo migration, String sql, boolean scriptConfig) {
        boolean sqlScript = migration.getScript().toLowerCase(Locale.ROOT).endsWith(".sql");
        if (sqlScript && !scriptConfig && !MAY_RUN_OUTSIDE.matcher(sql).find()) {
            return true;
        }
        return askFlyway(migration);
    }

    /** Flyway's own answer; the resolved migration is internal API, read only here. */
    private static boolean askFlyway(MigrationInfo migration) {
        if (migration instanceof MigrationInfoImpl impl && impl.getResolvedMigration() != null) {
            try {
                return impl.getResolvedMigration().getExecutor().canExecuteInTransaction();
            } catch (FlywayException mixed) {
                // transactional and non-transactional statements together: Flyway refuses to run it, and says so
                return true;
            }
        }
        return true;
    }
}
