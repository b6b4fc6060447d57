package dev.optamigrate.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.Blocker;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.guard.BlockerWatch;
import dev.optamigrate.core.guard.InvalidIndexes;
import dev.optamigrate.core.guard.LockAttempt;
import dev.optamigrate.core.guard.LockGuard;
import dev.optamigrate.core.guard.LockTimeouts;
import dev.optamigrate.core.guard.RetrySchedule;
import dev.optamigrate.core.guard.TrackedDataSource;
import dev.optamigrate.core.journal.Journal;
import dev.optamigrate.core.spi.AppliedMigration;
import dev.optamigrate.core.spi.MigrationSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The tool's migrate under the lock guard. A migration that gives up waiting for a lock (SQLSTATE 55P03) was
 * rolled back by the tool, so migrate runs again after a pause and starts from that migration; an index that a
 * failed {@code CREATE INDEX CONCURRENTLY} left invalid is dropped first. Each attempt that gave up is an event
 * and a journal entry, with who blocked it. When the retries run out the run fails with
 * {@code LOCK_CONTENTION}. Any other failure is never retried.
 */
final class GuardedMigrate {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LockGuard guard;
    private final EventListener events;
    private final Connection work;
    private final Journal journal;
    private final long journalId;
    private final RunTracker tracker;
    private final RetrySchedule schedule;

    GuardedMigrate(LockGuard guard, EventListener events, Connection work, Journal journal, long journalId,
            RunTracker tracker) {
        this.guard = guard;
        this.events = events;
        this.work = work;
        this.journal = journal;
        this.journalId = journalId;
        this.tracker = tracker;
        this.schedule = new RetrySchedule(guard.firstPause(), () -> ThreadLocalRandom.current().nextDouble());
    }

    List<AppliedMigration> run(MigrationSession session, Connections connections,
            TrackedDataSource migration) {
        if (!guard.enabled()) {
            return session.migrate();
        }
        List<LockAttempt> attempts = new ArrayList<>();
        Set<String> invalidBefore = invalidIndexes();
        try (BlockerWatch watch = new BlockerWatch(connections, migration, guard, events)) {
            for (int attempt = 1; ; attempt++) {
                watch.attempt(attempt);
                try {
                    List<AppliedMigration> applied = session.migrate();
                    return attempt == 1 ? applied : List.copyOf(tracker.applied());
                } catch (MigrateException failure) {
                    if (!LockTimeouts.causedBy(failure)) {
                        throw failure;
                    }
                    List<Blocker> blockers = watch.takeLastSeen();
                    events.on(new MigrationEvent.LockContention(attempt, blockers, true));
                    attempts.add(new LockAttempt(attempt, Instant.now().toString(),
                            LockTimeouts.databaseMessage(failure), blockers));
                    journal.attempts(journalId, json(attempts));
                    dropLeftovers(invalidBefore);
                    session.forgetFailedAttempt();
                    if (attempt > guard.retries()) {
                        throw contention(failure, attempts);
                    }
                    pause(attempt);
                }
            }
        }
    }

    private void pause(int attempt) {
        Duration pause = schedule.pause(attempt);
        events.on(new MigrationEvent.LockRetry(attempt + 1, guard.retries() + 1, pause));
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException(CoreErrorCode.INTERRUPTED, "Interrupted while waiting to retry a migration that "
                    + "gave up waiting for a lock.", e);
        }
    }

    private Set<String> invalidIndexes() {
        try {
            return InvalidIndexes.now(work);
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Could not read the catalog's invalid indexes "
                    + "before migrating: " + e.getMessage(), e);
        }
    }

    private void dropLeftovers(Set<String> before) {
        try {
            Set<String> dropped = InvalidIndexes.dropNewSince(work, before);
            if (!dropped.isEmpty()) {
                events.on(new MigrationEvent.Progress("Dropped the invalid index" + (dropped.size() == 1 ? " " : "es ")
                        + String.join(", ", dropped) + " that the attempt left behind."));
            }
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.MIGRATION_FAILED, "A migration gave up waiting for a lock and left "
                    + "an invalid index, which could not be dropped: " + e.getMessage(), "Drop it with DROP INDEX "
                    + "CONCURRENTLY (the catalog lists it: pg_index.indisvalid = false), then run again.", e);
        }
    }

    private static MigrateException contention(MigrateException last, List<LockAttempt> attempts) {
        Set<String> blockers = attempts.stream().flatMap(attempt -> attempt.blockers().stream())
                .map(Blocker::describe).collect(Collectors.toCollection(LinkedHashSet::new));
        return new MigrateException(CoreErrorCode.LOCK_CONTENTION, "The migration gave up waiting for a lock "
                + attempts.size() + " times, and the lock guard's retries ran out (" + LockTimeouts.databaseMessage(last)
                + "). "
                + (blockers.isEmpty() ? "No blocking session was seen (it held the lock only briefly)."
                        : "Blocked by: " + String.join("; ", blockers) + ".")
                + " The migration was rolled back and is still pending.", null, last);
    }

    private static String json(List<LockAttempt> attempts) {
        try {
            return JSON.writeValueAsString(attempts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the attempts as JSON", e);
        }
    }
}
