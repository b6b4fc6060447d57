package dev.optamigrate.core.plan;

import java.util.List;

/**
 * {@code drop-column}: the column retired with the release whose code stops using it, and dropped in a later
 * one, once the contract gate sees no server of an older release.
 *
 * @param column the column
 */
record DropColumn(ColumnRef column) implements PlanOperation {

    @Override
    public String describe() {
        return "drop-column " + column.object();
    }

    @Override
    public List<String> releases() {
        return List.of("switch: ships with code that no longer reads or writes " + column.column(),
                "contract: ships once every server runs release 1 or newer");
    }

    @Override
    public List<PlanStep> steps(PlanOptions options) {
        String table = column.qualifiedTable();
        return List.of(
                PlanStep.of(1, ColumnRef.derived(column.table(), "retire", column.column()), "The code no longer "
                        + "uses " + column.column() + ".", List.of("COMMENT ON COLUMN " + table + "."
                                + column.column() + " IS 'Retired. Dropped in a later release.'"),
                        List.of("COMMENT ON COLUMN " + table + "." + column.column() + " IS NULL"))
                        .withComments(List.of("opta-migrate:retire " + column.object())),
                PlanStep.of(2, ColumnRef.derived(column.table(), "drop", column.column()), "Drops "
                        + column.column() + ", which no running release uses.", List.of("ALTER TABLE " + table
                                + " DROP COLUMN IF EXISTS " + column.column()), List.of()));
    }
}
