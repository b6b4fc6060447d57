package dev.optamigrate.core.analysis.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Walks the tokens of a statement, or of a part of one, for the rules that recognise clauses. */
public final class TokenCursor {
    private final List<Token> tokens;
    private int index;

    TokenCursor(List<Token> tokens, int index) {
        this.tokens = tokens;
        this.index = index;
    }

    /** A cursor at the first of these tokens. */
    public static TokenCursor over(List<Token> tokens) {
        return new TokenCursor(tokens, 0);
    }

    public boolean atEnd() {
        return index >= tokens.size();
    }

    private Optional<Token> peek() {
        return atEnd() ? Optional.empty() : Optional.of(tokens.get(index));
    }

    public boolean peekWord(String word) {
        return !atEnd() && tokens.get(index).isWord(word);
    }

    public boolean peekSymbol(String symbol) {
        return !atEnd() && tokens.get(index).isSymbol(symbol);
    }

    /** Moves past the word if it is next. */
    public boolean accept(String word) {
        if (peekWord(word)) {
            index++;
            return true;
        }
        return false;
    }

    /** Moves past all the words if they come next in order; otherwise stays put. */
    public boolean acceptAll(String... words) {
        int start = index;
        for (String word : words) {
            if (!accept(word)) {
                index = start;
                return false;
            }
        }
        return true;
    }

    public boolean acceptSymbol(String symbol) {
        if (peekSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    /**
     * A possibly qualified name ({@code schema.table}), consumed; its last part, as PostgreSQL folds it, is what
     * the rules compare.
     */
    public Optional<String> name() {
        Optional<String> last = Optional.empty();
        do {
            Optional<Token> token = peek().filter(t -> t.kind() == Token.Kind.WORD
                    || t.kind() == Token.Kind.QUOTED_IDENTIFIER);
            if (token.isEmpty()) {
                return last;
            }
            index++;
            last = Optional.of(token.get().identifier());
        } while (acceptSymbol("."));
        return last;
    }

    /** Accepts any of these words, as many as follow in any order (e.g. a table's TEMPORARY or UNLOGGED). */
    public void skipAny(String... words) {
        boolean accepted;
        do {
            accepted = false;
            for (String word : words) {
                accepted |= accept(word);
            }
        } while (accepted);
    }

    /** Skips a parenthesised group if one is next; the cursor then stands after its closing parenthesis. */
    public boolean skipGroup() {
        if (!peekSymbol("(")) {
            return false;
        }
        int depth = 0;
        while (!atEnd()) {
            Token token = tokens.get(index++);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")") && --depth == 0) {
                return true;
            }
        }
        return true;
    }

    /** The tokens from here to the end, as a new cursor's input. */
    public List<Token> rest() {
        return tokens.subList(Math.min(index, tokens.size()), tokens.size());
    }

    /**
     * The rest cut at the commas outside parentheses, one cursor per part: the actions of an ALTER TABLE, the
     * names of a DROP.
     */
    public List<TokenCursor> splitOnCommas() {
        List<TokenCursor> parts = new ArrayList<>();
        int depth = 0;
        int start = index;
        for (int at = index; at < tokens.size(); at++) {
            Token token = tokens.get(at);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (token.isSymbol(",") && depth == 0) {
                parts.add(over(tokens.subList(start, at)));
                start = at + 1;
            }
        }
        parts.add(over(tokens.subList(start, tokens.size())));
        return parts;
    }
}
