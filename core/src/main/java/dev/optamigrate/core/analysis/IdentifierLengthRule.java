package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.analysis.sql.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        List<String> tooLong = new ArrayList<>();
        for (Token token : statement.tokens()) {
            // at most 3 bytes a char: a name of 21 chars or fewer fits, whatever it is written in
            if (token.text().length() > MAX_BYTES / 3 && (token.kind() == Token.Kind.WORD
                    || token.kind() == Token.Kind.QUOTED_IDENTIFIER)) {
                String name = token.identifier();
                if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES && !tooLong.contains(name)) {
                    tooLong.add(name);
                }
            }
        }
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
