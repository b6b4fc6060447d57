package dev.optamigrate.core.release;

import java.time.Instant;

/**
 * A journaled retirement: from {@code release} on, the code no longer uses {@code object}.
 *
 * @param object    {@code table} or {@code table.column}
 * @param migration the migration whose {@code -- opta-migrate:retire} comment said so
 * @param release   the release of the run that applied it, or {@code null} when that run named none
 * @param journalId the journal row of that run
 * @param retiredAt when it was applied
 * @param contractedBy the journal row of the run that applied a contract on it, or {@code null} while none did
 */
public record Retirement(String object, String migration, String release, long journalId, Instant retiredAt,
        Long contractedBy) {
}
