package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.analysis.sql.Token;
import dev.optamigrate.core.analysis.sql.TokenCursor;
import java.util.List;
import java.util.Optional;

/**
 * Statements that delete or rename more than a table: {@code DROP DATABASE}, {@code DROP SCHEMA} (of a schema
 * this history did not create), {@code TRUNCATE ... CASCADE}, {@code ALTER SCHEMA ... RENAME} and
 * {@code ALTER TYPE ... RENAME VALUE}.
 */
final class DatabaseObjectRules implements StatementRules {

    @Override
    public void inspect(SqlStatement statement, ScriptState state) {
        TokenCursor cursor = statement.cursor();
        if (cursor.acceptAll("drop", "database")) {
            cursor.acceptAll("if", "exists");
            state.report(Rule.DROP_DATABASE, "Dropping database " + cursor.name().orElse("?") + " deletes it whole, "
                    + "and no transaction can take it back.");
        } else if (statement.startsWith("drop", "schema")) {
            droppedSchemas(statement, state);
        } else if (statement.startsWith("truncate") && statement.contains("cascade")) {
            state.strongLock();
            state.report(Rule.TRUNCATE_CASCADE, "CASCADE also empties every table whose foreign keys point at the "
                    + "tables named, and the tables pointing at those, without naming them.");
        } else if (cursor.acceptAll("alter", "schema")) {
            renamedSchema(cursor, state);
        } else if (cursor.acceptAll("alter", "type")) {
            renamedEnumValue(cursor, state);
        }
    }

    private static void droppedSchemas(SqlStatement statement, ScriptState state) {
        TokenCursor cursor = statement.cursor();
        cursor.acceptAll("drop", "schema");
        cursor.acceptAll("if", "exists");
        List<String> existing = cursor.splitOnCommas().stream().map(part -> part.name().orElse("?"))
                .filter(schema -> !state.isNewSchema(schema)).toList();
        if (!existing.isEmpty()) {
            state.report(Rule.DROP_SCHEMA, "Dropping schema " + String.join(", ", existing) + " deletes everything "
                    + "in it" + (statement.contains("cascade") ? ", and with CASCADE whatever depends on it elsewhere"
                            : "") + ".");
        }
    }

    private static void renamedSchema(TokenCursor cursor, ScriptState state) {
        Optional<String> schema = cursor.name();
        if (schema.isEmpty() || state.isNewSchema(schema.get()) || !cursor.acceptAll("rename", "to")) {
            return;
        }
        String newName = cursor.name().orElse("?");
        state.reportContract(Rule.BREAKING_RENAME_SCHEMA, schema.get(), "Renaming schema " + schema.get() + " to "
                + newName + " breaks the release that is running now: its queries and search_path still name "
                + schema.get() + ".");
    }

    private static void renamedEnumValue(TokenCursor cursor, ScriptState state) {
        String type = cursor.name().orElse("?");
        if (!cursor.acceptAll("rename", "value")) {
            return;
        }
        String value = cursor.rest().stream().findFirst().filter(token -> token.kind() == Token.Kind.STRING)
                .map(token -> token.text().replaceAll("^'|'$", "")).orElse("?");
        state.reportContract(Rule.BREAKING_RENAME_ENUM_VALUE, type + "." + value, "Renaming value '" + value
                + "' of " + type + " breaks the release that is running now if it still writes or compares it.");
    }
}
