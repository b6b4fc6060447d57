package dev.optamigrate.core.plan;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.math.BigDecimal;

/**
 * A batched backfill: one {@code DO} block that walks the table by its key, up to the highest key when it starts,
 * updates one batch of rows per transaction, commits and pauses. Rows written after it started are the trigger's
 * or the default's, so it never chases the writers. It must run outside a transaction (PostgreSQL 11+ lets a
 * top-level {@code DO} commit). It updates only rows that still differ, so after a kill it starts again from the
 * first key and finds the done batches done.
 */
final class Backfill {
    private Backfill() {
    }

    /**
     * @param set     the assignments, e.g. {@code status = legacy_status}
     * @param differs the condition of a row that still needs them, e.g. {@code status IS DISTINCT FROM legacy_status}
     */
    static String batched(ColumnRef table, String set, String differs, PlanOptions options) {
        if (options.pgVersion() < 11) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "A batched backfill commits inside a DO block, "
                    + "which PostgreSQL " + options.pgVersion() + " cannot do.", "Upgrade to PostgreSQL 11 or newer, "
                            + "or fill the rows outside migrations in batches of your own.", null);
        }
        String key = options.key();
        String relation = table.qualifiedTable();
        String pause = BigDecimal.valueOf(options.batchPause().toMillis()).movePointLeft(3).stripTrailingZeros()
                .toPlainString();
        return "DO $$\n"
                + "DECLARE\n"
                + "    last_key " + relation + "." + key + "%TYPE;\n"
                + "    batch_end " + relation + "." + key + "%TYPE;\n"
                + "    last_at_start " + relation + "." + key + "%TYPE;\n"
                + "BEGIN\n"
                + "    SELECT max(" + key + ") INTO last_at_start FROM " + relation + ";\n"
                + "    LOOP\n"
                + "        SELECT max(" + key + ") INTO batch_end FROM (SELECT " + key + " FROM " + relation
                + " WHERE (last_key IS NULL OR " + key + " > last_key) AND " + key + " <= last_at_start ORDER BY "
                + key + " LIMIT " + options.batchSize() + ") AS batch;\n"
                + "        EXIT WHEN batch_end IS NULL;\n"
                + "        UPDATE " + relation + " SET " + set + " WHERE (last_key IS NULL OR " + key
                + " > last_key) AND " + key + " <= batch_end AND " + differs + ";\n"
                + "        last_key := batch_end;\n"
                + "        COMMIT;\n"
                + "        PERFORM pg_sleep(" + pause + ");\n"
                + "    END LOOP;\n"
                + "END\n"
                + "$$";
    }
}
