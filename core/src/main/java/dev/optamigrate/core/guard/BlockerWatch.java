package dev.optamigrate.core.guard;

import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.event.Blocker;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches, from a connection of its own, whether the migration's connections wait for locks; reports who blocks
 * them when that is first seen and every {@link #REPORT_EVERY} while it lasts, remembers the last blockers seen for
 * the report when a statement gives up, and ends idle blockers when the guard says so.
 */
public final class BlockerWatch implements AutoCloseable {
    /** How often a wait that goes on is reported again. */
    static final Duration REPORT_EVERY = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(200);

    private final TrackedDataSource migration;
    private final LockGuard guard;
    private final EventListener events;
    private final IdleBlockerCanceller canceller;
    private final AtomicReference<List<Blocker>> lastSeen = new AtomicReference<>(List.of());
    private final Thread thread;
    private volatile int attempt = 1;
    private volatile boolean closed;

    public BlockerWatch(Connections connections, TrackedDataSource migration, LockGuard guard,
            EventListener events) {
        this.migration = migration;
        this.guard = guard;
        this.events = events;
        this.canceller = new IdleBlockerCanceller(guard.cancelIdleBlockers(), events);
        this.thread = new Thread(() -> watch(connections), "opta-migrate-blocker-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** The attempt now running, for the events. */
    public void attempt(int current) {
        attempt = current;
    }

    /** The blockers last seen, and forgets them: what a statement that gave up waited for. */
    public List<Blocker> takeLastSeen() {
        return lastSeen.getAndSet(List.of());
    }

    /** The first look comes one poll in: a migration that is not blocked never pays for the watcher's connection. */
    private void watch(Connections connections) {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        if (closed) {
            return;
        }
        try (Connection connection = connections.open()) {
            long reported = 0;
            while (!closed) {
                List<Blocker> blockers = Blockers.of(connection, migration.pids(), guard.reportQueries());
                if (blockers.isEmpty()) {
                    reported = 0;
                } else {
                    lastSeen.set(blockers);
                    if (reported == 0 || System.nanoTime() - reported >= REPORT_EVERY.toNanos()) {
                        events.on(new MigrationEvent.LockContention(attempt, blockers, false));
                        reported = System.nanoTime();
                    }
                    canceller.cancelIdle(connection, blockers);
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            if (!closed) {
                events.on(new MigrationEvent.Warning("The lock guard stopped watching for blockers: "
                        + e.getMessage() + ". Lock timeouts and retries still apply."));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
