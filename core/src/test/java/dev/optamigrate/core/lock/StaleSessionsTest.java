package dev.optamigrate.core.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.journal.JournalScope;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Once a run holds the lock, the sessions an earlier run left at work are waited for, and ended when they outlive
 * the wait; a session that waits for the lock is another run's, and is left alone.
 */
class StaleSessionsTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final String OURS = "opta-migrate here pid 1";

    @Test
    void aStatementOfAnEarlierRunIsWaitedForWhileTheSessionsOfARunWaitingForTheLockAreLeftAlone(TestDatabase db)
            throws Exception {
        Connections ours = new Connections(db.target(), OURS);
        try (MigrationLock lock = new MigrationLock(ours.open()); Connection work = ours.open();
                Connection waiter = new Connections(db.target(), "opta-migrate there pid 2").open();
                Connection waitersTool = new Connections(db.target(), "opta-migrate there pid 2").open();
                Connection earlier = new Connections(db.target(), "opta-migrate gone pid 3").open()) {
            lock.acquire(Duration.ofSeconds(5), event -> { });
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> new MigrationLock(waiter)
                    .acquire(Duration.ofSeconds(60), event -> { }));
            CompletableFuture<Void> statement = CompletableFuture.runAsync(() -> execute(earlier,
                    "SELECT pg_sleep(1.5)"));
            int earlierPid = awaitPid(db, "opta-migrate gone pid 3", "query LIKE '%pg_sleep%'");
            int waiterPid = awaitPid(db, "opta-migrate there pid 2", "wait_event = 'advisory'");
            waitersTool.setAutoCommit(false);
            execute(waitersTool, "SELECT 1");
            int waitersToolPid = awaitPid(db, "opta-migrate there pid 2", "state = 'idle in transaction'");
            List<MigrationEvent> events = new CopyOnWriteArrayList<>();

            StaleSessions.awaitEnd(work, lock, List.of(), true, events::add);

            statement.get(5, TimeUnit.SECONDS);
            assertThat(events).singleElement().isInstanceOfSatisfying(MigrationEvent.Progress.class, progress ->
                    assertThat(progress.message()).contains("pid " + earlierPid, "pg_sleep(1.5)")
                            .doesNotContain("pid " + waiterPid, "pid " + waitersToolPid));
            assertThat(waitersTool.isValid(2)).as("the waiting run's other session is left alone").isTrue();
            assertThat(waiting).as("the run waiting for the lock is still waiting").isNotDone();
            lock.close();
            waiting.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theSessionsOfAProcessThatHoldsAnotherScopesLockAreLeftAlone(TestDatabase db) throws Exception {
        Connections ours = new Connections(db.target(), OURS);
        Connections fleet = new Connections(db.target(), "opta-migrate pod-2 pid 4");
        try (MigrationLock lock = new MigrationLock(ours.open(), new JournalScope("tenant_a"));
                Connection work = ours.open();
                MigrationLock tenantB = new MigrationLock(fleet.open(), new JournalScope("tenant_b"));
                Connection tenantBTool = fleet.open()) {
            lock.acquire(Duration.ofSeconds(5), event -> { });
            tenantB.acquire(Duration.ofSeconds(5), event -> { });
            CompletableFuture<Void> migration = CompletableFuture.runAsync(() -> execute(tenantBTool,
                    "SELECT pg_sleep(6)"));
            awaitPid(db, "opta-migrate pod-2 pid 4", "query LIKE '%pg_sleep%' AND state = 'active'");
            List<MigrationEvent> events = new CopyOnWriteArrayList<>();

            StaleSessions.awaitEnd(work, lock, List.of(), true, events::add);

            assertThat(events).as("tenant_b's migration is another run's, at work on its own scope").isEmpty();
            assertThat(migration).isNotDone();
            migration.get(30, TimeUnit.SECONDS);
            assertThat(tenantBTool.isValid(2)).as("tenant_b's session was not ended").isTrue();
        }
    }

    @Test
    void aTransactionThatAnEarlierRunLeftOpenIsEndedAfterTheWait(TestDatabase db) throws Exception {
        Connections ours = new Connections(db.target(), OURS);
        try (MigrationLock lock = new MigrationLock(ours.open()); Connection work = ours.open();
                Connection earlier = new Connections(db.target(), "opta-migrate gone pid 3").open()) {
            lock.acquire(Duration.ofSeconds(5), event -> { });
            earlier.setAutoCommit(false);
            execute(earlier, "CREATE TABLE half_done (id int)");
            int earlierPid = awaitPid(db, "opta-migrate gone pid 3", "state = 'idle in transaction'");
            List<MigrationEvent> events = new CopyOnWriteArrayList<>();

            StaleSessions.awaitEnd(work, lock, List.of(), true, events::add);

            assertThat(events).filteredOn(MigrationEvent.Warning.class::isInstance).singleElement()
                    .isInstanceOfSatisfying(MigrationEvent.Warning.class, warning -> assertThat(warning.message())
                            .contains("Ending the session pid " + earlierPid, "rolled back"));
            assertThat(earlier.isValid(2)).as("the earlier run's session was ended").isFalse();
            assertThat(db.column("SELECT to_regclass('half_done')")).containsExactly((String) null);
        }
    }

    /** The pid of the session with this application name, once pg_stat_activity shows it meeting a condition. */
    private static int awaitPid(TestDatabase db, String application, String condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            List<String> pids = db.column("SELECT pid FROM pg_stat_activity WHERE application_name = '"
                    + application + "' AND " + condition);
            if (!pids.isEmpty()) {
                return Integer.parseInt(pids.get(0));
            }
            assertThat(System.nanoTime()).as(application + ": " + condition).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
