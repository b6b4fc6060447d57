package dev.optamigrate.spring;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.journal.JournalEntry;
import dev.optamigrate.core.spi.ToolStatus;
import dev.optamigrate.core.target.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the schema stands, for Actuator's health and info: the tool, the current version, how many of this
 * application's migrations are pending, and the journal's last run. Each report reads the database afresh (two
 * short connections), without the lock.
 */
public final class MigrationStatusReport {
    private final Supplier<Migrator> migrator;
    private final Supplier<Target> target;

    MigrationStatusReport(Supplier<Migrator> migrator, Supplier<Target> target) {
        this.migrator = migrator;
        this.target = target;
    }

    /**
     * @throws dev.optamigrate.core.error.MigrateException when the database cannot be read
     */
    public Map<String, Object> details() {
        ToolStatus status = migrator.get().status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tool", status.tool());
        details.put("version", status.current() == null ? "none" : status.current());
        details.put("pending", status.pending().size());
        List<JournalEntry> runs = Migrator.history(target.get());
        if (!runs.isEmpty()) {
            details.put("lastRun", lastRun(runs.get(runs.size() - 1)));
        }
        return details;
    }

    private static Map<String, Object> lastRun(JournalEntry run) {
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("id", run.id());
        last.put("action", run.action());
        last.put("status", run.status());
        last.put("applied", run.applied());
        last.put("strategy", run.strategy());
        if (run.release() != null) {
            last.put("release", run.release());
        }
        last.put("startedAt", String.valueOf(run.startedAt()));
        if (run.finishedAt() != null) {
            last.put("finishedAt", run.finishedAt().toString());
        }
        return last;
    }
}
