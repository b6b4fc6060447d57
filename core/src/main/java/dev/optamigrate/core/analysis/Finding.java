package dev.optamigrate.core.analysis;

/**
 * One thing a check found in a migration.
 *
 * @param rule      the rule's stable id, e.g. {@code index-not-concurrent}
 * @param severity  how serious it is
 * @param file      the migration file or changeset it is in
 * @param line      the 1-based line its statement starts on
 * @param statement the statement, on one line
 * @param message   what happens when it runs, and why that hurts, naming the table
 * @param fix       the safe way to get the same result
 * @param measured  whether {@code verify} measured it on a shadow database (else it was read from the SQL)
 */
public record Finding(String rule, Severity severity, String file, int line, String statement, String message,
        String fix, boolean measured) {

    static Finding of(Rule rule, Location location, String message) {
        return new Finding(rule.id(), rule.severity(), location.file(), location.line(), location.statement(),
                message, rule.fix(), false);
    }

    /** A finding measured by {@code verify} on a shadow database, not read from the SQL. */
    public static Finding measured(Rule rule, String file, int line, String statement, String message) {
        return new Finding(rule.id(), rule.severity(), file, line, statement, message, rule.fix(), true);
    }

    /**
     * A migration that existed at the base a check compares with and has changed since: the databases that applied
     * it ran the old text. It points at the file's first line.
     *
     * @param how what changed, e.g. {@code modified since origin/main}
     */
    public static Finding changedAfterApplied(String file, String how) {
        Rule rule = Rule.MODIFIED_APPLIED_MIGRATION;
        return new Finding(rule.id(), rule.severity(), file, 1, "(the whole file)", file + " was " + how
                + ", but it existed there already: every database that applied it ran the old text, and the tool "
                + "refuses the new checksum (or never runs the file again).", rule.fix(), false);
    }

    /** Where a finding points: the migration, the line and the statement. */
    record Location(String file, int line, String statement) {
    }
}
