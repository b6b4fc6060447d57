package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.analysis.sql.Token;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code identifier-too-long}: a name over 63 bytes (PostgreSQL's {@code NAMEDATALEN} less one) in a statement
 * that creates or changes objects is cut to 63 bytes with only a NOTICE.
 */
final class IdentifierLengthRule implements StatementRules {
    static final int MAX_BYTES = 63;

    @Override
    public void inspect(SqlStatement statement, ScriptState state) {
        if (!statement.startsWith("create") && !statement.startsWith("alter")) {
            return;
        }
        List<String> tooLong = statement.tokens().stream()
                .filter(token -> token.kind() == Token.Kind.WORD || token.kind() == Token.Kind.QUOTED_IDENTIFIER)
                .map(Token::identifier)
                .filter(name -> name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES)
                .distinct().toList();
        for (String name : tooLong) {
            state.report(Rule.IDENTIFIER_TOO_LONG, name + " is " + name.getBytes(StandardCharsets.UTF_8).length
                    + " bytes; PostgreSQL keeps " + clipped(name) + ".");
        }
    }

    /** The name as PostgreSQL keeps it: whole characters, at most 63 bytes. */
    private static String clipped(String name) {
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int codePoint : name.codePoints().toArray()) {
            bytes += new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_BYTES) {
                break;
            }
            kept.appendCodePoint(codePoint);
        }
        return kept.toString();
    }
}
