package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.analysis.sql.TokenCursor;
import java.util.List;

/** {@code DROP TABLE} of tables the migration did not create: the running release may still use them. */
final class DropTableRules implements StatementRules {

    @Override
    public void inspect(SqlStatement statement, ScriptState state) {
        TokenCursor cursor = statement.cursor();
        if (!cursor.acceptAll("drop", "table")) {
            return;
        }
        cursor.acceptAll("if", "exists");
        List<String> existing = cursor.splitOnCommas().stream()
                .map(part -> part.name().orElse("?"))
                .filter(table -> !state.isNew(table))
                .toList();
        if (!existing.isEmpty()) {
            state.strongLock();
            state.report(Rule.BREAKING_DROP_TABLE, "Dropping " + String.join(", ", existing) + " breaks the release "
                    + "that is running now if it still uses " + (existing.size() == 1 ? "it" : "them") + ".");
            existing.forEach(state::contracted);
        }
    }
}
