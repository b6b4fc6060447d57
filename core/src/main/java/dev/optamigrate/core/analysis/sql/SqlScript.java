package dev.optamigrate.core.analysis.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A migration script cut into statements at the semicolons that end them: not those in strings, dollar-quoted
 * bodies or comments, and not those inside a {@code BEGIN ATOMIC ... END} function body.
 *
 * @param statements   the statements, in order
 * @param comments     every comment, in order
 * @param unterminated what the script leaves open at its end, if anything: then the statements stop there
 */
public record SqlScript(List<SqlStatement> statements, List<Comment> comments, Optional<Unterminated> unterminated) {

    public SqlScript {
        statements = List.copyOf(statements);
        comments = List.copyOf(comments);
    }

    public static SqlScript parse(String text) {
        SqlLexer lexer = SqlLexer.scan(text);
        List<SqlStatement> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int atomicDepth = 0;
        for (Token token : lexer.tokens()) {
            if (token.isSymbol(";") && atomicDepth == 0) {
                addStatement(text, current, statements);
                current = new ArrayList<>();
                continue;
            }
            atomicDepth = atomicDepth(current, token, atomicDepth);
            current.add(token);
        }
        addStatement(text, current, statements);
        return new SqlScript(statements, lexer.comments(), lexer.unterminated());
    }

    /** Tracks {@code BEGIN ATOMIC}, and the {@code CASE ... END} pairs inside it, so that END closes the body. */
    private static int atomicDepth(List<Token> current, Token token, int depth) {
        boolean afterBegin = !current.isEmpty() && current.get(current.size() - 1).isWord("begin");
        if (token.isWord("atomic") && afterBegin) {
            return depth + 1;
        }
        if (depth > 0 && token.isWord("case")) {
            return depth + 1;
        }
        if (depth > 0 && token.isWord("end")) {
            return depth - 1;
        }
        return depth;
    }

    private static void addStatement(String text, List<Token> tokens, List<SqlStatement> statements) {
        if (tokens.isEmpty()) {
            return;
        }
        Token first = tokens.get(0);
        Token last = tokens.get(tokens.size() - 1);
        statements.add(new SqlStatement(tokens, text.substring(first.start(), last.end()), first.line()));
    }
}
