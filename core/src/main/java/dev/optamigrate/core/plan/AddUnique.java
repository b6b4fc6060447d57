package dev.optamigrate.core.plan;

import java.util.List;

/**
 * {@code add-unique}: the unique index built {@code CONCURRENTLY}, then the constraint made from it, which takes
 * its lock only for a moment. A build that meets duplicates fails and leaves an invalid index, which the next run
 * drops before it builds again.
 *
 * @param table   the table
 * @param columns its columns, in the index's order
 */
record AddUnique(ColumnRef table, List<String> columns) implements PlanOperation {

    @Override
    public String describe() {
        return "add-unique " + table.qualifiedTable() + "(" + String.join(",", columns) + ")";
    }

    @Override
    public List<String> releases() {
        return List.of("ships with code that never writes a duplicate of (" + String.join(", ", columns)
                + "); find existing ones first: SELECT " + String.join(", ", columns) + ", count(*) FROM "
                + table.qualifiedTable() + " GROUP BY " + String.join(", ", columns) + " HAVING count(*) > 1");
    }

    @Override
    public List<PlanStep> steps(PlanOptions options) {
        String name = ColumnRef.derived(table.table(), String.join("_", columns), "key");
        String relation = table.qualifiedTable();
        return List.of(
                PlanStep.outsideTransaction(1, ColumnRef.derived("index", name), "Builds the unique index without "
                        + "blocking writes.", List.of("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + name
                                + " ON " + relation + " (" + String.join(", ", columns) + ")"),
                        List.of("DROP INDEX CONCURRENTLY IF EXISTS " + name)),
                PlanStep.of(1, name, "Makes the index the table's unique constraint.", List.of("ALTER TABLE "
                        + relation + " ADD CONSTRAINT " + name + " UNIQUE USING INDEX " + name),
                        List.of("ALTER TABLE " + relation + " DROP CONSTRAINT IF EXISTS " + name)));
    }
}
