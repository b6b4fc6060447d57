package dev.optamigrate.core.analysis.sql;

/**
 * A string, quoted name, dollar quote or block comment that a script opens and never closes: everything after its
 * opening is read as part of it, so no statement after that point can be checked. PostgreSQL rejects such a
 * script too.
 *
 * @param what    what was opened, e.g. {@code dollar quote}
 * @param opening the text that opened it, e.g. {@code $body$}
 * @param line    the 1-based line it opens on
 */
public record Unterminated(String what, String opening, int line) {

    /** Says what is open, where, and what it hides, e.g. for a finding. */
    public String describe() {
        return "The " + what + " " + opening + " opened on line " + line + " is never closed, so the rest of the "
                + "script reads as part of it and nothing after line " + line + " could be checked.";
    }
}
