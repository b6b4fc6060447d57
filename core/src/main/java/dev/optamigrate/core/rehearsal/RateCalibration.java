package dev.optamigrate.core.rehearsal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * How fast the shadow rewrites, scans and indexes a table, in bytes per second: measured once per rehearsal on a
 * table of {@link #ROWS} rows that is dropped afterwards. A target's table size divided by the rate is the
 * estimate; the shadow's hardware stands in for the target's, which is what the factor-of-3 test checks.
 *
 * @param rewrite bytes of table and indexes rewritten per second (ALTER COLUMN ... TYPE)
 * @param scan    bytes of table read per second by a validating scan (ADD CHECK)
 * @param index   bytes of table indexed per second (CREATE INDEX)
 */
record RateCalibration(double rewrite, double scan, double index) {
    static final int ROWS = 300_000;
    private static final String TABLE = "opta_migrate_calibration";

    static RateCalibration measure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (id bigint PRIMARY KEY, quantity int NOT NULL, note text, "
                    + "created_at timestamptz NOT NULL)");
            statement.execute("INSERT INTO " + TABLE + " SELECT i, i % 1000, md5(i::text), now() - i * interval '1 s' "
                    + "FROM generate_series(1, " + ROWS + ") i");
            statement.execute("VACUUM ANALYZE " + TABLE);
            long heap = size(statement, "pg_relation_size");
            double scan = heap / seconds(statement, "ALTER TABLE " + TABLE + " ADD CONSTRAINT " + TABLE
                    + "_check CHECK (quantity >= 0)");
            double index = heap / seconds(statement, "CREATE INDEX " + TABLE + "_note ON " + TABLE + " (note)");
            long withIndexes = size(statement, "pg_total_relation_size");
            double rewrite = withIndexes / seconds(statement, "ALTER TABLE " + TABLE
                    + " ALTER COLUMN quantity TYPE bigint");
            statement.execute("DROP TABLE " + TABLE);
            return new RateCalibration(rewrite, scan, index);
        }
    }

    /** The estimate of the work seen on a relation, from its sizes on the target. */
    Duration estimate(LockObservation observation, RelationSize size) {
        double seconds = observation.rewritten() ? size.totalBytes() / rewrite
                : observation.indexBuilt() ? size.tableBytes() / index
                : size.tableBytes() / scan;
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static long size(Statement statement, String function) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT " + function + "('" + TABLE + "')")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static double seconds(Statement statement, String sql) throws SQLException {
        long start = System.nanoTime();
        statement.execute(sql);
        return Math.max(1e-3, (System.nanoTime() - start) / 1e9);
    }
}
