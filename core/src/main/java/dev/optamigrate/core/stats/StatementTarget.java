package dev.optamigrate.core.stats;

import dev.optamigrate.core.analysis.sql.SqlScript;
import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.analysis.sql.TokenCursor;
import java.util.Optional;

/** The table a finding's statement works on, read from the statement, as the snapshot names it. */
final class StatementTarget {
    private StatementTarget() {
    }

    static Optional<TableStats> of(String statementText, StatsSnapshot snapshot) {
        Optional<SqlStatement> statement = SqlScript.parse(statementText).statements().stream().findFirst();
        if (statement.isEmpty()) {
            return Optional.empty();
        }
        TokenCursor cursor = statement.get().cursor();
        if (cursor.acceptAll("alter", "table")) {
            cursor.acceptAll("if", "exists");
            cursor.accept("only");
            return cursor.name().flatMap(snapshot::table);
        }
        if (cursor.accept("create")) {
            cursor.accept("unique");
            cursor.accept("index");
            cursor.accept("concurrently");
            cursor.acceptAll("if", "not", "exists");
            if (!cursor.peekWord("on")) {
                cursor.name();
            }
            cursor.accept("on");
            cursor.accept("only");
            return cursor.name().flatMap(snapshot::table);
        }
        if (cursor.acceptAll("drop", "index") || cursor.acceptAll("reindex", "index")) {
            cursor.accept("concurrently");
            cursor.acceptAll("if", "exists");
            return cursor.name().flatMap(snapshot::tableOfIndex);
        }
        cursor.skipAny("vacuum", "cluster", "reindex", "truncate", "full", "verbose", "analyze", "table",
                "concurrently", "only");
        cursor.skipGroup();
        return cursor.name().flatMap(snapshot::table);
    }
}
