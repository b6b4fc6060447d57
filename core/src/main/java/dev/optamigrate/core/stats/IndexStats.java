package dev.optamigrate.core.stats;

/**
 * One index in a snapshot.
 *
 * @param schema the schema
 * @param name   the index
 * @param table  the table it indexes
 * @param bytes  {@code pg_relation_size} of the index
 */
public record IndexStats(String schema, String name, String table, long bytes) {
}
