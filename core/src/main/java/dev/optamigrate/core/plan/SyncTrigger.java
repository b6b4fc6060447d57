package dev.optamigrate.core.plan;

import java.util.List;

/**
 * A trigger that keeps an old column and its replacement in step while releases that use either one run: an
 * insert takes the replacement's value when it has one (the old column may have been filled by its default), else
 * the old column's; an update of one is copied to the other. The replacement may have another type; PL/pgSQL
 * converts on assignment.
 */
final class SyncTrigger {
    private final ColumnRef old;
    private final String replacement;
    private final String function;

    SyncTrigger(ColumnRef old, String replacement) {
        this.old = old;
        this.replacement = replacement;
        this.function = ColumnRef.derived(old.table(), "sync", old.column(), replacement);
    }

    String name() {
        return function;
    }

    List<String> create(int pgVersion) {
        String a = old.column();
        String b = replacement;
        String functionName = old.schema() == null ? function : old.schema() + "." + function;
        return List.of("CREATE OR REPLACE FUNCTION " + functionName + "() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                + "BEGIN\n"
                + "    IF TG_OP = 'INSERT' THEN\n"
                + "        IF NEW." + b + " IS NULL THEN\n"
                + "            NEW." + b + " := NEW." + a + ";\n"
                + "        ELSE\n"
                + "            NEW." + a + " := NEW." + b + ";\n"
                + "        END IF;\n"
                + "    ELSIF NEW." + b + " IS DISTINCT FROM OLD." + b + " THEN\n"
                + "        NEW." + a + " := NEW." + b + ";\n"
                + "    ELSIF NEW." + a + " IS DISTINCT FROM OLD." + a + " THEN\n"
                + "        NEW." + b + " := NEW." + a + ";\n"
                + "    END IF;\n"
                + "    RETURN NEW;\n"
                + "END\n"
                + "$$",
                "DROP TRIGGER IF EXISTS " + function + " ON " + old.qualifiedTable(),
                "CREATE TRIGGER " + function + " BEFORE INSERT OR UPDATE ON " + old.qualifiedTable()
                        + " FOR EACH ROW EXECUTE " + (pgVersion >= 11 ? "FUNCTION " : "PROCEDURE ") + functionName
                        + "()");
    }

    List<String> drop() {
        return List.of("DROP TRIGGER IF EXISTS " + function + " ON " + old.qualifiedTable(),
                "DROP FUNCTION IF EXISTS " + (old.schema() == null ? function : old.schema() + "." + function) + "()");
    }
}
