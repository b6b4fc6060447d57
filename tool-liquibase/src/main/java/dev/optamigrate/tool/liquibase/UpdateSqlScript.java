package dev.optamigrate.tool.liquibase;

import dev.optamigrate.core.spi.MigrationInfo;
import dev.optamigrate.core.spi.PendingMigration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Splits the script that Liquibase's {@code update-sql} writes into one piece per pending changeset. Liquibase
 * heads each changeset with {@code -- Changeset <file>::<id>::<author>}; its own bookkeeping (lock and history
 * tables) is left out, so each piece is the changeset's SQL.
 */
final class UpdateSqlScript {
    private static final String HEADER = "-- Changeset ";

    private UpdateSqlScript() {
    }

    /**
     * @param transactional whether a pending changeset runs in a transaction ({@code runInTransaction})
     */
    static List<PendingMigration> split(String script, List<MigrationInfo> pending,
            Predicate<MigrationInfo> transactional) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = null;
        for (String line : script.split("\\R")) {
            if (line.startsWith(HEADER)) {
                current = new StringBuilder();
                pieces.add(null);
            } else if (current != null && !bookkeeping(line)) {
                current.append(line).append('\n');
                pieces.set(pieces.size() - 1, current.toString().strip());
            }
        }
        List<PendingMigration> migrations = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            MigrationInfo info = pending.get(i);
            String sql = i < pieces.size() && pieces.get(i) != null ? pieces.get(i) : "";
            migrations.add(new PendingMigration(info.version(), info.description(), info.script(), sql,
                    transactional.test(info)));
        }
        return migrations;
    }

    private static boolean bookkeeping(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return lower.contains("databasechangelog") || lower.startsWith("-- release database lock")
                || lower.startsWith("-- lock database");
    }
}
