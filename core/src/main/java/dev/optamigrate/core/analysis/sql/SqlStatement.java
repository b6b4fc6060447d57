package dev.optamigrate.core.analysis.sql;

import java.util.List;

/**
 * One statement of a script, without its terminating semicolon.
 *
 * @param tokens its tokens (never empty)
 * @param text   its text as written, comments inside it included
 * @param line   the 1-based line its first token is on
 */
public record SqlStatement(List<Token> tokens, String text, int line) {

    public SqlStatement {
        tokens = List.copyOf(tokens);
    }

    /** A cursor at the statement's first token. */
    public TokenCursor cursor() {
        return new TokenCursor(tokens, 0);
    }

    /** The line its last token starts on. */
    public int endLine() {
        return tokens.get(tokens.size() - 1).line();
    }

    /** Whether the statement begins with these words, in order. */
    public boolean startsWith(String... words) {
        return cursor().acceptAll(words);
    }

    /** {@code BEGIN} or {@code START TRANSACTION}: an explicit transaction block opens. */
    public boolean opensTransaction() {
        return startsWith("begin") || startsWith("start", "transaction");
    }

    /** {@code COMMIT}, {@code END}, {@code ABORT} or {@code ROLLBACK} (not {@code ROLLBACK TO} a savepoint). */
    public boolean endsTransaction() {
        return startsWith("commit") || startsWith("end") || startsWith("abort")
                || (startsWith("rollback") && !contains("to"));
    }

    /**
     * Whether PostgreSQL refuses it inside a transaction block ({@code CONCURRENTLY} index work and partition
     * detaching, {@code VACUUM},
     * {@code CREATE}/{@code DROP DATABASE}, {@code ALTER SYSTEM}): a script that has one cannot run in the
     * tool's transaction, and is written to run outside one.
     */
    public boolean runsOnlyOutsideTransaction() {
        return contains("concurrently") && (startsWith("create") || startsWith("drop") || startsWith("reindex")
                || startsWith("alter", "table") && contains("detach"))
                || startsWith("vacuum") || startsWith("alter", "system") || startsWith("create", "database")
                || startsWith("drop", "database");
    }

    /** Whether the word appears anywhere outside strings and quoted identifiers. */
    public boolean contains(String word) {
        return tokens.stream().anyMatch(token -> token.isWord(word));
    }

    /** The text on one line with runs of white space collapsed, for reports. */
    public String compactText() {
        return text.replaceAll("\\s+", " ").strip();
    }
}
