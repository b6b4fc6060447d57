package dev.optamigrate.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code rename-column} and {@code change-type}: a new column beside the old one, kept in step by a trigger and
 * backfilled in batches (release 1); the old column retired (release 2); the trigger and the old column dropped
 * (release 3).
 *
 * @param old         the column replaced
 * @param replacement the new column's name
 * @param type        the new column's type
 * @param verb        {@code rename-column} or {@code change-type}, for the description
 */
record ReplaceColumn(ColumnRef old, String replacement, String type, String verb) implements PlanOperation {

    @Override
    public String describe() {
        return verb + " " + old.object() + (verb.equals("rename-column") ? " " + replacement + " (" + type + ")"
                : " " + type + " (into " + replacement + ")");
    }

    @Override
    public List<String> releases() {
        return List.of("expand: ships with code that still reads and writes " + old.column() + " (it may also "
                        + "write " + replacement + "); from here a trigger keeps them in step",
                "switch: ships with code that reads and writes only " + replacement,
                "contract: ships once no server runs release 1 or older");
    }

    @Override
    public List<PlanStep> steps(PlanOptions options) {
        String table = old.qualifiedTable();
        SyncTrigger trigger = new SyncTrigger(old, replacement);
        List<PlanStep> steps = new ArrayList<>();
        steps.add(PlanStep.of(1, ColumnRef.derived(old.table(), "add", replacement), "Adds " + replacement
                + " beside " + old.column() + ", empty: nothing reads it yet.",
                List.of("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + replacement + " " + type),
                List.of("ALTER TABLE " + table + " DROP COLUMN IF EXISTS " + replacement)));
        steps.add(PlanStep.of(1, trigger.name(), "Keeps " + old.column() + " and " + replacement + " in step, both "
                + "ways, for every insert and update from now on.", trigger.create(options.pgVersion()),
                trigger.drop()));
        String converted = verb.equals("rename-column") ? old.column() : "CAST(" + old.column() + " AS " + type + ")";
        steps.add(PlanStep.outsideTransaction(1, ColumnRef.derived(old.table(), "backfill", replacement), "Copies "
                + old.column() + " into " + replacement + " for the rows written before the trigger, "
                + options.batchSize() + " rows per transaction.", List.of(Backfill.batched(old, replacement + " = "
                        + converted, replacement + " IS DISTINCT FROM " + converted, options)), List.of()));
        steps.add(PlanStep.of(2, ColumnRef.derived(old.table(), "retire", old.column()), "The code no longer uses "
                + old.column() + "; the trigger still keeps it in step for servers of release 1.",
                List.of("COMMENT ON COLUMN " + table + "." + old.column() + " IS 'Retired: use " + replacement
                        + ". Dropped in a later release.'"),
                List.of("COMMENT ON COLUMN " + table + "." + old.column() + " IS NULL"))
                .withComments(List.of("opta-migrate:retire " + old.object())));
        steps.add(PlanStep.of(3, ColumnRef.derived(old.table(), "drop", old.column()), "Drops the trigger and "
                + old.column() + ", which no running release uses.", contract(table, trigger), List.of()));
        return steps;
    }

    /**
     * The old column's NOT NULL goes first: a tool that commits each statement on its own (MyBatis with
     * {@code auto_commit}) runs the code's inserts between dropping the trigger and dropping the column, and those
     * inserts no longer fill the old column.
     */
    private List<String> contract(String table, SyncTrigger trigger) {
        List<String> drop = new ArrayList<>(List.of("ALTER TABLE " + table + " ALTER COLUMN " + old.column()
                + " DROP NOT NULL"));
        drop.addAll(trigger.drop());
        drop.add("ALTER TABLE " + table + " DROP COLUMN IF EXISTS " + old.column());
        return drop;
    }
}
