package dev.optamigrate.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code add-not-null}: a default for new rows when given, a {@code NOT VALID} check (new rows only), a batched
 * backfill of the NULLs, the check validated without blocking writes, then {@code SET NOT NULL}, which the
 * validated check lets skip its scan on PostgreSQL 12+, and the check dropped. Before 12 the validated check
 * stays in its place.
 *
 * @param column       the column
 * @param defaultValue the SQL expression for new rows and the backfill, or {@code null} when the NULLs are filled
 *                     some other way first
 */
record AddNotNull(ColumnRef column, String defaultValue) implements PlanOperation {

    @Override
    public String describe() {
        return "add-not-null " + column.object() + (defaultValue == null ? "" : " --default " + defaultValue);
    }

    @Override
    public List<String> releases() {
        return List.of("ships with code that never writes NULL into " + column.column()
                + " (the check refuses such writes at once)");
    }

    @Override
    public List<PlanStep> steps(PlanOptions options) {
        String table = column.qualifiedTable();
        String check = ColumnRef.derived(column.table(), column.column(), "not_null");
        List<PlanStep> steps = new ArrayList<>();
        if (defaultValue != null) {
            steps.add(PlanStep.of(1, ColumnRef.derived(column.table(), column.column(), "default"), "New rows "
                    + "that leave " + column.column() + " out get " + defaultValue + ".", List.of("ALTER TABLE "
                            + table + " ALTER COLUMN " + column.column() + " SET DEFAULT " + defaultValue),
                    List.of("ALTER TABLE " + table + " ALTER COLUMN " + column.column() + " DROP DEFAULT")));
        }
        steps.add(PlanStep.of(1, check, "Refuses NULL in new and updated rows; existing rows are not read.",
                List.of("ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + column.column()
                        + " IS NOT NULL) NOT VALID"),
                List.of("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + check)));
        if (defaultValue != null) {
            steps.add(PlanStep.outsideTransaction(1, ColumnRef.derived(column.table(), "backfill",
                    column.column()), "Fills the NULLs of " + column.column() + " with " + defaultValue + ", "
                            + options.batchSize() + " rows per transaction.", List.of(Backfill.batched(column,
                                    column.column() + " = " + defaultValue, column.column() + " IS NULL", options)),
                    List.of()));
        }
        steps.add(PlanStep.of(1, ColumnRef.derived("validate", check), "Reads every row to prove the check, while "
                + "reads and writes go on (SHARE UPDATE EXCLUSIVE).", List.of("ALTER TABLE " + table
                        + " VALIDATE CONSTRAINT " + check), List.of()));
        if (options.pgVersion() >= 12) {
            steps.add(PlanStep.of(1, ColumnRef.derived(column.table(), column.column(), "set_not_null"),
                    "SET NOT NULL finds the validated check and skips its scan; the check is then redundant.",
                    List.of("ALTER TABLE " + table + " ALTER COLUMN " + column.column() + " SET NOT NULL",
                            "ALTER TABLE " + table + " DROP CONSTRAINT " + check),
                    List.of("ALTER TABLE " + table + " ALTER COLUMN " + column.column() + " DROP NOT NULL"))
                    .withComments(List.of("opta-migrate:allow scan-set-not-null the validated CHECK " + check
                            + " lets PostgreSQL 12+ skip the scan")));
        }
        return steps;
    }
}
