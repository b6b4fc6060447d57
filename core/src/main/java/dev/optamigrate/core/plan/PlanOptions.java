package dev.optamigrate.core.plan;

import java.time.Duration;

/**
 * How a plan's statements are written.
 *
 * @param pgVersion  the target's PostgreSQL major version
 * @param batchSize  rows a backfill updates per transaction
 * @param batchPause the pause after each batch, so that replicas and autovacuum keep up
 * @param key        the column a backfill walks the table by: unique, not null, and indexed (the primary key)
 */
public record PlanOptions(int pgVersion, int batchSize, Duration batchPause, String key) {

    public PlanOptions {
        key = ColumnRef.name(key, key, "key column");
    }
}
