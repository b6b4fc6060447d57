package dev.optamigrate.core.spi;

import java.time.Duration;
import java.util.List;

/**
 * What a migrate run did.
 *
 * @param tool      the tool's name
 * @param from      the schema version before the run, or {@code null} for an empty schema
 * @param to        the schema version after the run
 * @param applied   the migrations applied, in order; empty when the schema was up to date
 * @param duration  the whole run, lock wait included
 * @param journalId the run's row in {@code opta_migrate_journal}
 */
public record MigrateResult(String tool, String from, String to, List<AppliedMigration> applied, Duration duration,
        long journalId) {
    public MigrateResult {
        applied = List.copyOf(applied);
    }

    public boolean upToDate() {
        return applied.isEmpty();
    }
}
