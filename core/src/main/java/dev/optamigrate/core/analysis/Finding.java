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
 */
public record Finding(String rule, Severity severity, String file, int line, String statement, String message,
        String fix) {

    static Finding of(Rule rule, Location location, String message) {
        return new Finding(rule.id(), rule.severity(), location.file(), location.line(), location.statement(),
                message, rule.fix());
    }

    /** Where a finding points: the migration, the line and the statement. */
    record Location(String file, int line, String statement) {
    }
}
