package dev.optamigrate.core.journal;

import dev.optamigrate.core.target.Target;

/**
 * Whose runs journal rows belong to: the whole database, or one schema of it (a fleet's tenant). Every scope has its
 * own migration lock, and a run reads and closes only its own scope's rows; all scopes share the one journal in
 * {@value Journal#SCHEMA}, so that a fleet's state in a database is one query away.
 *
 * @param schema the tenant schema, or {@code null} for the whole database
 */
public record JournalScope(String schema) {
    public static final JournalScope DATABASE = new JournalScope(null);

    /** The target's scope: its schema when it names one ({@code currentSchema}), else the database. */
    public static JournalScope of(Target target) {
        return new JournalScope(target.schema().orElse(null));
    }

    /** E.g. {@code schema tenant_7}, or {@code the database}. */
    public String describe() {
        return schema == null ? "the database" : "schema " + schema;
    }
}
