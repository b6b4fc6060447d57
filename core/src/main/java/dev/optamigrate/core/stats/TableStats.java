package dev.optamigrate.core.stats;

/**
 * One table's figures in a snapshot: no data values, only sizes, counts and rates.
 *
 * @param schema           the schema
 * @param name             the table
 * @param tableBytes       {@code pg_relation_size}: the table's own file
 * @param totalBytes       {@code pg_total_relation_size}: with its indexes and TOAST
 * @param rows             the planner's estimate ({@code reltuples}), or the live rows counted when it has none
 * @param insertsPerSecond inserted rows per second over the sample
 * @param updatesPerSecond updated rows per second over the sample
 * @param deletesPerSecond deleted rows per second over the sample
 * @param seqScans         sequential scans started during the sample
 */
public record TableStats(String schema, String name, long tableBytes, long totalBytes, long rows,
        double insertsPerSecond, double updatesPerSecond, double deletesPerSecond, long seqScans) {

    /** Rows written per second: inserts, updates and deletes. */
    public double writesPerSecond() {
        return insertsPerSecond + updatesPerSecond + deletesPerSecond;
    }
}
