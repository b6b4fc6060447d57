package dev.optamigrate.core.spi;

import java.util.List;

/**
 * The state of a database for one migration source.
 *
 * @param tool    the tool's name
 * @param current the current schema version, or {@code null} before the first migration
 * @param applied applied migrations, oldest first
 * @param pending pending migrations, in the order they would run
 * @param failed  migrations recorded as failed
 */
public record ToolStatus(String tool, String current, List<MigrationInfo> applied, List<MigrationInfo> pending,
        List<MigrationInfo> failed) {
    public ToolStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
    }

    /** The applied migrations by version, or by script for one without a version (a repeatable one). */
    public List<String> appliedKeys() {
        return applied.stream().map(MigrationInfo::key).toList();
    }

    public boolean upToDate() {
        return pending.isEmpty() && failed.isEmpty();
    }
}
