package dev.optamigrate.spring;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.journal.JournalEntry;
import dev.optamigrate.core.settings.Durations;
import dev.optamigrate.core.spi.MigrationInfo;
import dev.optamigrate.core.spi.ToolStatus;
import dev.optamigrate.core.target.Target;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wait-only mode: this replica never migrates; it reads the schema's status, without the lock and without writing,
 * until nothing its own migrations expect is pending, or the timeout passes. Another process (a Job, or a replica
 * that migrates) applies them meanwhile. Between status reads it watches only opta-migrate's journal, one short
 * query a second, and reads the status again when a run shows there, or every half minute for a migration made
 * without opta-migrate; so the tool reads (and logs) the history seldom.
 */
final class SchemaWait {
    private static final Logger LOG = LoggerFactory.getLogger("dev.optamigrate");
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration REREAD_EVERY = Duration.ofSeconds(30);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(15);

    private final Supplier<Migrator> migrator;
    private final Supplier<Target> target;
    private final Duration timeout;

    SchemaWait(Supplier<Migrator> migrator, Supplier<Target> target, Duration timeout) {
        this.migrator = migrator;
        this.target = target;
        this.timeout = timeout;
    }

    /**
     * Returns once nothing is pending.
     *
     * @throws SchemaWaitTimeout when the timeout passes first
     */
    ToolStatus await() throws InterruptedException {
        long start = System.nanoTime();
        ToolStatus status = migrator.get().status();
        String journal = journalMark();
        long lastRead = System.nanoTime();
        Duration lastReport = null;
        while (!status.pending().isEmpty()) {
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (waited.compareTo(timeout) >= 0) {
                throw new SchemaWaitTimeout(status, timeout);
            }
            if (lastReport == null || waited.minus(lastReport).compareTo(REPORT_EVERY) >= 0) {
                LOG.info("Waiting for another process to apply {} (wait-only; {} of {}).", describe(status),
                        Durations.format(waited), Durations.format(timeout));
                lastReport = waited;
            }
            Thread.sleep(POLL.toMillis());
            String now = journalMark();
            if (!now.equals(journal) || Duration.ofNanos(System.nanoTime() - lastRead).compareTo(REREAD_EVERY) >= 0) {
                status = migrator.get().status();
                journal = now;
                lastRead = System.nanoTime();
            }
        }
        LOG.info("Schema is at version {}, as this application expects{}.", status.current(), lastReport == null
                ? "" : " (waited " + Durations.format(Duration.ofNanos(System.nanoTime() - start)) + ")");
        return status;
    }

    /** The journal's last run and its state, which changes when a run starts or ends. */
    private String journalMark() {
        List<JournalEntry> runs = Migrator.history(target.get());
        if (runs.isEmpty()) {
            return "";
        }
        JournalEntry last = runs.get(runs.size() - 1);
        return last.id() + " " + last.status();
    }

    static String describe(ToolStatus status) {
        MigrationInfo next = status.pending().get(0);
        int count = status.pending().size();
        return count + " pending migration" + (count == 1 ? "" : "s") + ", next " + (next.version() == null
                ? next.description() : next.version() + " (" + next.description() + ")") + "; the schema is at "
                + (status.current() == null ? "no version" : "version " + status.current());
    }
}
