package dev.optamigrate.core.analysis;

import dev.optamigrate.core.analysis.sql.SqlScript;
import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.analysis.sql.TokenCursor;
import dev.optamigrate.core.spi.PendingMigration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The indexes that pending migrations build with {@code CREATE INDEX CONCURRENTLY}, by name as PostgreSQL folds it. */
public final class ConcurrentIndexBuilds {
    private ConcurrentIndexBuilds() {
    }

    public static Set<String> names(List<PendingMigration> pending) {
        Set<String> names = new LinkedHashSet<>();
        for (PendingMigration migration : pending) {
            for (SqlStatement statement : SqlScript.parse(migration.sql()).statements()) {
                TokenCursor cursor = statement.cursor();
                if (!cursor.accept("create")) {
                    continue;
                }
                cursor.accept("unique");
                if (cursor.accept("index") && cursor.accept("concurrently") && !cursor.peekWord("on")) {
                    cursor.acceptAll("if", "not", "exists");
                    cursor.name().ifPresent(names::add);
                }
            }
        }
        return names;
    }
}
