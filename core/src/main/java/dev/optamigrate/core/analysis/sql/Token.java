package dev.optamigrate.core.analysis.sql;

import java.util.Locale;

/**
 * One lexical token of a statement.
 *
 * @param kind   what sort of token
 * @param text   its text as written (quotes removed for quoted identifiers, kept for strings)
 * @param line   the 1-based line it starts on
 * @param start  its offset in the script
 * @param end    the offset just after it
 */
public record Token(Kind kind, String text, int line, int start, int end) {

    /** The kinds of token the rules tell apart. */
    public enum Kind {
        /** A keyword or unquoted identifier. */
        WORD,
        /** A double-quoted identifier. */
        QUOTED_IDENTIFIER,
        /** A string constant, in single quotes or dollar quotes. */
        STRING,
        NUMBER,
        /** A positional parameter such as {@code $1}. */
        PARAMETER,
        /** An operator or punctuation, one character at a time except {@code ::}. */
        SYMBOL
    }

    /** Whether this is the unquoted word {@code word}, ignoring case. */
    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** The identifier PostgreSQL sees: unquoted words fold to lower case, quoted ones stay as written. */
    public String identifier() {
        return kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text;
    }
}
