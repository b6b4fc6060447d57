package dev.optamigrate.core.analysis.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts PostgreSQL text into tokens the way the server's scanner does for what matters to migration rules:
 * {@code --} and nested {@code /* *}{@code /} comments, {@code '...'} and {@code E'...'} strings, {@code "..."}
 * identifiers and {@code $tag$...$tag$} dollar quoting, so nothing inside a string, a function body or a comment
 * is ever mistaken for a statement. Text it cannot close (an unterminated string) runs to the end of the script,
 * and is reported as {@link #unterminated()}.
 */
final class SqlLexer {
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    private Unterminated unterminated;
    /** The index in {@link #tokens} of the current statement's first token. */
    private int statementStart;
    private int position;
    private int line = 1;

    private SqlLexer(String text) {
        this.text = text;
    }

    static SqlLexer scan(String text) {
        SqlLexer lexer = new SqlLexer(text);
        lexer.run();
        return lexer;
    }

    List<Token> tokens() {
        return tokens;
    }

    List<Comment> comments() {
        return comments;
    }

    /** The string, quoted name, dollar quote or comment left open at the end of the text, if any. */
    Optional<Unterminated> unterminated() {
        return Optional.ofNullable(unterminated);
    }

    private void run() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (Character.isWhitespace(c)) {
                advanceTo(position + 1);
            } else if (startsWith("--")) {
                lineComment();
            } else if (startsWith("/*")) {
                blockComment();
            } else if (c == '\'') {
                quoted(Token.Kind.STRING, position, '\'', false);
            } else if ((c == 'E' || c == 'e') && peek(1) == '\'') {
                quoted(Token.Kind.STRING, position, '\'', true);
            } else if (c == '"') {
                quoted(Token.Kind.QUOTED_IDENTIFIER, position, '"', false);
            } else if (c == '$') {
                dollar();
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
                number();
            } else if (isIdentifierStart(c)) {
                word();
            } else {
                symbol();
            }
        }
    }

    private void lineComment() {
        int start = position;
        int end = text.indexOf('\n', start);
        end = end < 0 ? text.length() : end;
        comments.add(new Comment(text.substring(start + 2, end).strip(), line));
        advanceTo(end);
    }

    private void blockComment() {
        int start = position;
        int startLine = line;
        int depth = 0;
        int at = start;
        while (at < text.length()) {
            if (text.startsWith("/*", at)) {
                depth++;
                at += 2;
            } else if (text.startsWith("*/", at)) {
                depth--;
                at += 2;
                if (depth == 0) {
                    break;
                }
            } else {
                at++;
            }
        }
        if (depth != 0) {
            unterminated = new Unterminated("comment", "/*", startLine);
        }
        String body = text.substring(start + 2, Math.max(start + 2, depth == 0 ? at - 2 : at));
        comments.add(new Comment(body.strip(), startLine));
        advanceTo(at);
    }

    /** A string or quoted identifier; {@code backslashEscapes} for E'...' strings. */
    private void quoted(Token.Kind kind, int start, char quote, boolean backslashEscapes) {
        int startLine = line;
        int at = text.indexOf(quote, start) + 1;
        StringBuilder value = new StringBuilder();
        boolean closed = false;
        while (!closed && at < text.length()) {
            char c = text.charAt(at);
            if (backslashEscapes && c == '\\' && at + 1 < text.length()) {
                value.append(text.charAt(at + 1));
                at += 2;
            } else if (c == quote && at + 1 < text.length() && text.charAt(at + 1) == quote) {
                value.append(quote);
                at += 2;
            } else if (c == quote) {
                at++;
                closed = true;
            } else {
                value.append(c);
                at++;
            }
        }
        if (!closed) {
            unterminated = new Unterminated(kind == Token.Kind.STRING ? "string" : "quoted name",
                    text.substring(start, text.indexOf(quote, start) + 1), startLine);
        }
        String tokenText = kind == Token.Kind.QUOTED_IDENTIFIER ? value.toString() : text.substring(start, at);
        add(kind, tokenText, startLine, start, at);
    }

    /** {@code $1}, or a dollar-quoted string {@code $tag$ ... $tag$}; a lone {@code $} is a symbol. */
    private void dollar() {
        int start = position;
        if (Character.isDigit(peek(1))) {
            int at = start + 1;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            add(Token.Kind.PARAMETER, text.substring(start, at), line, start, at);
            return;
        }
        int at = start + 1;
        while (at < text.length() && isIdentifierPart(text.charAt(at)) && text.charAt(at) != '$') {
            at++;
        }
        if (at >= text.length() || text.charAt(at) != '$') {
            symbol();
            return;
        }
        String delimiter = text.substring(start, at + 1);
        int close = text.indexOf(delimiter, at + 1);
        if (close < 0) {
            unterminated = new Unterminated("dollar quote", delimiter, line);
        }
        int end = close < 0 ? text.length() : close + delimiter.length();
        add(Token.Kind.STRING, text.substring(start, end), line, start, end);
    }

    private void number() {
        int start = position;
        int at = start;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '.'
                || text.charAt(at) == '_')) {
            at++;
        }
        add(Token.Kind.NUMBER, text.substring(start, at), line, start, at);
    }

    private void word() {
        int start = position;
        int at = start + 1;
        while (at < text.length() && isIdentifierPart(text.charAt(at))) {
            at++;
        }
        add(Token.Kind.WORD, text.substring(start, at), line, start, at);
    }

    private void symbol() {
        int start = position;
        int end = startsWith("::") ? start + 2 : start + 1;
        add(Token.Kind.SYMBOL, text.substring(start, end), line, start, end);
        if (text.charAt(start) == ';') {
            boolean copyData = copiesFromStdin();
            statementStart = tokens.size();
            if (copyData) {
                skipCopyData();
            }
        }
    }

    /** Whether the statement just ended is {@code COPY ... FROM STDIN}, which the data lines after it follow. */
    private boolean copiesFromStdin() {
        List<Token> statement = tokens.subList(statementStart, tokens.size());
        if (statement.isEmpty() || !statement.get(0).isWord("copy")) {
            return false;
        }
        for (int i = 1; i < statement.size(); i++) {
            if (statement.get(i - 1).isWord("from") && statement.get(i).isWord("stdin")) {
                return true;
            }
        }
        return false;
    }

    /** Skips the data of a {@code COPY ... FROM STDIN}: every line up to one that is only a backslash and a dot. */
    private void skipCopyData() {
        int lineEnd = text.indexOf('\n', position);
        int at = lineEnd < 0 ? text.length() : lineEnd + 1;
        while (at < text.length()) {
            int next = text.indexOf('\n', at);
            int end = next < 0 ? text.length() : next;
            boolean last = text.substring(at, end).strip().equals("\\.");
            at = next < 0 ? text.length() : next + 1;
            if (last) {
                break;
            }
        }
        advanceTo(at);
    }

    private void add(Token.Kind kind, String tokenText, int startLine, int start, int end) {
        tokens.add(new Token(kind, tokenText, startLine, start, end));
        advanceTo(end);
    }

    /** Moves to {@code end}, counting the lines passed. */
    private void advanceTo(int end) {
        for (int at = position; at < end; at++) {
            if (text.charAt(at) == '\n') {
                line++;
            }
        }
        position = end;
    }

    private boolean startsWith(String prefix) {
        return text.startsWith(prefix, position);
    }

    private char peek(int ahead) {
        int at = position + ahead;
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
