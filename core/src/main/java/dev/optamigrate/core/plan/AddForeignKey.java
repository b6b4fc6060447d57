package dev.optamigrate.core.plan;

import java.util.List;

/**
 * {@code add-foreign-key}: an index on the referencing column built {@code CONCURRENTLY} (deletes and updates of
 * the referenced table look rows up by it), the key added {@code NOT VALID} (checked for new rows only), then
 * validated in a migration of its own, which lets writes go on.
 *
 * @param column     the referencing column
 * @param referenced the referenced table and column
 */
record AddForeignKey(ColumnRef column, ColumnRef referenced) implements PlanOperation {

    @Override
    public String describe() {
        return "add-foreign-key " + column.object() + " " + referenced.qualifiedTable() + "(" + referenced.column()
                + ")";
    }

    @Override
    public List<String> releases() {
        return List.of("ships with code that writes only " + column.column() + " values that exist in "
                + referenced.qualifiedTable());
    }

    @Override
    public List<PlanStep> steps(PlanOptions options) {
        String table = column.qualifiedTable();
        String index = ColumnRef.derived(column.table(), column.column(), "idx");
        String key = ColumnRef.derived(column.table(), column.column(), "fkey");
        return List.of(
                PlanStep.outsideTransaction(1, ColumnRef.derived("index", column.table(), column.column()),
                        "Indexes " + column.column() + " without blocking writes.", List.of("CREATE INDEX "
                                + "CONCURRENTLY IF NOT EXISTS " + index + " ON " + table + " (" + column.column()
                                + ")"), List.of("DROP INDEX CONCURRENTLY IF EXISTS " + index)),
                PlanStep.of(1, key, "Checks new rows against " + referenced.qualifiedTable() + "; existing rows are "
                        + "not read.", List.of("ALTER TABLE " + table + " ADD CONSTRAINT " + key + " FOREIGN KEY ("
                                + column.column() + ") REFERENCES " + referenced.qualifiedTable() + " ("
                                + referenced.column() + ") NOT VALID"),
                        List.of("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + key)),
                PlanStep.of(1, ColumnRef.derived("validate", key), "Checks every existing row while writes go on.",
                        List.of("ALTER TABLE " + table + " VALIDATE CONSTRAINT " + key), List.of()));
    }
}
