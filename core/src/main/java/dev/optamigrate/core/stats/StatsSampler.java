package dev.optamigrate.core.stats;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a snapshot from a target, read-only: sizes and row estimates from the catalog, and write rates and
 * sequential scans as the difference of {@code pg_stat_user_tables}'s counters over a short sample. No row is read.
 */
public final class StatsSampler {
    private static final String TABLES = "SELECT s.relid, s.schemaname, s.relname, pg_relation_size(s.relid), "
            + "pg_total_relation_size(s.relid), c.reltuples, s.n_live_tup, s.n_tup_ins, s.n_tup_upd, s.n_tup_del, "
            + "s.seq_scan FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid";
    private static final String INDEXES = "SELECT schemaname, indexrelname, relname, pg_relation_size(indexrelid) "
            + "FROM pg_stat_user_indexes";

    private StatsSampler() {
    }

    /** One reading of a table's counters. */
    private record Reading(String schema, String name, long tableBytes, long totalBytes, long rows, long inserts,
            long updates, long deletes, long seqScans) {
    }

    /**
     * @param sample how long to wait between the two readings of the counters
     */
    public static StatsSnapshot sample(Connection connection, Duration sample) throws SQLException,
            InterruptedException {
        Map<Long, Reading> before = read(connection);
        long start = System.nanoTime();
        Thread.sleep(sample.toMillis());
        Map<Long, Reading> after = read(connection);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<TableStats> tables = new ArrayList<>();
        after.forEach((relid, now) -> {
            Reading then = before.getOrDefault(relid, now);
            tables.add(new TableStats(now.schema(), now.name(), now.tableBytes(), now.totalBytes(), now.rows(),
                    rate(now.inserts() - then.inserts(), seconds), rate(now.updates() - then.updates(), seconds),
                    rate(now.deletes() - then.deletes(), seconds), now.seqScans() - then.seqScans()));
        });
        tables.sort((a, b) -> (a.schema() + "." + a.name()).compareTo(b.schema() + "." + b.name()));
        return new StatsSnapshot(StatsSnapshot.FORMAT, majorVersion(connection), Instant.now().toString(),
                Math.round(seconds * 10) / 10.0, tables, indexes(connection), null);
    }

    private static double rate(long delta, double seconds) {
        return Math.round(Math.max(0, delta) / seconds * 10) / 10.0;
    }

    private static Map<Long, Reading> read(Connection connection) throws SQLException {
        Map<Long, Reading> readings = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rows = statement.executeQuery(TABLES)) {
                while (rows.next()) {
                    double estimate = rows.getDouble(6);
                    readings.put(rows.getLong(1), new Reading(rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getLong(5), estimate > 0 ? Math.round(estimate) : rows.getLong(7), rows.getLong(8),
                            rows.getLong(9), rows.getLong(10), rows.getLong(11)));
                }
            }
        }
        return readings;
    }

    private static List<IndexStats> indexes(Connection connection) throws SQLException {
        List<IndexStats> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(INDEXES)) {
            while (rows.next()) {
                indexes.add(new IndexStats(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4)));
            }
        }
        return indexes;
    }

    private static int majorVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW server_version_num")) {
            rows.next();
            return Integer.parseInt(rows.getString(1)) / 10000;
        }
    }
}
