package dev.optamigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.guard.LockGuard;
import dev.optamigrate.core.journal.Journal;
import dev.optamigrate.core.journal.JournalEntry;
import dev.optamigrate.core.journal.JournalScope;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.target.Password;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.PGConnection;

/**
 * The lock guard against real PostgreSQL, for every tool: a migration that waits behind another session's lock
 * gives up after the lock timeout, is retried, and succeeds once the blocker ends, while the application's writers
 * are never held up longer than about the lock timeout.
 */
class LockGuardTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final Duration BLOCKER_HOLDS = Duration.ofSeconds(8);
    private static final LockGuard GUARD = new LockGuard(Duration.ofSeconds(1), 10, Duration.ofMillis(500),
            Duration.ZERO, true, Optional.empty());

    @TempDir
    Path directory;

    private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

    static List<String> tools() {
        return MigrationSets.TOOLS;
    }

    @ParameterizedTest
    @MethodSource("tools")
    void aBlockedMigrationRetriesAndSucceedsOnceTheBlockerEndsWhileWritersGoOn(String tool, TestDatabase db)
            throws Exception {
        Path location = migratedExamples(tool, db);
        MigrationSets.append(tool, location, "add loyalty points",
                "ALTER TABLE customers ADD COLUMN loyalty_points integer;");

        MigrateResult result;
        Writers.Stalls stalls;
        try (Session blocker = Session.holdingAccessShare(db, "reporting-job");
                Writers writers = Writers.start(db, 3)) {
            blocker.commitAfter(BLOCKER_HOLDS);
            result = migrator(db, location, GUARD).migrate();
            stalls = writers.stop();
        }

        assertThat(result.applied()).hasSize(1);
        assertThat(db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'customers' "
                + "AND column_name = 'loyalty_points'")).hasSize(1);
        assertThat(contentions()).anySatisfy(contention -> {
            assertThat(contention.timedOut()).isTrue();
            assertThat(contention.blockers()).anySatisfy(blocker -> {
                assertThat(blocker.application()).isEqualTo("reporting-job");
                assertThat(blocker.query()).contains("count(*) FROM customers");
                assertThat(blocker.state()).isEqualTo("idle in transaction");
            });
        });
        assertThat(events).filteredOn(MigrationEvent.LockRetry.class::isInstance).isNotEmpty();
        assertThat(lastJournalRow(db).status()).isEqualTo("SUCCEEDED");
        assertThat(lastJournalRow(db).attempts()).contains("reporting-job");
        assertThat(stalls.count()).as("writes made").isGreaterThan(10);
        assertThat(stalls.longest()).as("the longest write, against a blocker of " + BLOCKER_HOLDS)
                .isLessThan(Duration.ofSeconds(4));
    }

    @ParameterizedTest
    @MethodSource("tools")
    void retriesThatRunOutFailWithLockContentionAndLeaveTheMigrationPending(String tool, TestDatabase db)
            throws Exception {
        Path location = migratedExamples(tool, db);
        String version = MigrationSets.append(tool, location, "add loyalty points",
                "ALTER TABLE customers ADD COLUMN loyalty_points integer;");
        LockGuard impatient = new LockGuard(Duration.ofMillis(500), 2, Duration.ofMillis(100), Duration.ZERO, true,
                Optional.empty());

        try (Session blocker = Session.holdingAccessShare(db, "reporting-job")) {
            assertThatThrownBy(() -> migrator(db, location, impatient).migrate())
                    .isInstanceOfSatisfying(MigrateException.class, failure -> {
                        assertThat(failure.code()).isEqualTo(CoreErrorCode.LOCK_CONTENTION);
                        assertThat(failure.exitCode()).isEqualTo(26);
                        assertThat(failure.getMessage()).contains("3 times").contains("pid " + blocker.pid())
                                .contains("reporting-job").contains("still pending");
                    });
        }

        assertThat(db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'customers' "
                + "AND column_name = 'loyalty_points'")).isEmpty();
        assertThat(migrator(db, location, impatient).status().pending()).extracting("version").contains(version);
        JournalEntry row = lastJournalRow(db);
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(db.column("SELECT jsonb_array_length(attempts) FROM opta_migrate.opta_migrate_journal WHERE id = "
                + row.id())).containsExactly("3");
    }

    @ParameterizedTest
    @MethodSource("tools")
    void aMigrationThatFailsForAnotherReasonIsNeverRetried(String tool, TestDatabase db) {
        Path location = migratedExamples(tool, db);
        MigrationSets.append(tool, location, "broken", "ALTER TABLE customers ADD COLUMN;");

        assertThatThrownBy(() -> migrator(db, location, GUARD).migrate()).isInstanceOf(MigrateException.class)
                .satisfies(failure -> assertThat(((MigrateException) failure).code())
                        .isNotEqualTo(CoreErrorCode.LOCK_CONTENTION));
        assertThat(events).noneMatch(MigrationEvent.LockRetry.class::isInstance)
                .noneMatch(MigrationEvent.LockContention.class::isInstance);
    }

    /**
     * A blocked {@code CREATE INDEX CONCURRENTLY} gives up while it waits for older transactions, after it has made
     * its catalog entry: the index it leaves is invalid, and must be gone before the retry builds it again.
     */
    @Test
    void aBlockedConcurrentIndexLeavesNoInvalidIndexOnceItSucceeds(TestDatabase db) throws Exception {
        Path location = migratedExamples("flyway", db);
        String version = MigrationSets.append("flyway", location, "index orders concurrently",
                "CREATE INDEX CONCURRENTLY orders_id_idx ON orders (id);");
        Files.writeString(location.resolve("V" + version + "__index_orders_concurrently.sql.conf"),
                "executeInTransaction=false\n");

        MigrateResult result;
        try (Session blocker = Session.holding(db, "reporting-job", "SELECT count(*) FROM orders")) {
            blocker.commitAfter(Duration.ofSeconds(4));
            result = migrator(db, location, GUARD).migrate();
        }

        assertThat(result.applied()).extracting("version").containsExactly(version);
        assertThat(events).anyMatch(event -> event instanceof MigrationEvent.LockContention contention
                && contention.timedOut());
        assertThat(db.column("SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid")).isEmpty();
        assertThat(db.column("SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_id_idx'::regclass"))
                .containsExactly("t");
    }

    @Test
    void cancelBlockersEndsASessionIdleInATransactionForLongerThanTheLimit(TestDatabase db) throws Exception {
        Path location = migratedExamples("flyway", db);
        MigrationSets.append("flyway", location, "add loyalty points",
                "ALTER TABLE customers ADD COLUMN loyalty_points integer;");
        LockGuard cancelling = new LockGuard(Duration.ofMillis(500), 10, Duration.ofMillis(200), Duration.ZERO, true,
                Optional.of(Duration.ofSeconds(1)));

        try (Session blocker = Session.holdingAccessShare(db, "forgotten-console")) {
            MigrateResult result = migrator(db, location, cancelling).migrate();

            assertThat(result.applied()).hasSize(1);
            assertThat(events.stream().filter(MigrationEvent.Warning.class::isInstance)
                    .map(event -> ((MigrationEvent.Warning) event).message()))
                    .anySatisfy(warning -> assertThat(warning).contains("Ended blocking session pid " + blocker.pid())
                            .contains("forgotten-console").contains("idle in a transaction"));
            assertThat(db.column("SELECT pid FROM pg_stat_activity WHERE pid = " + blocker.pid())).isEmpty();
        }
    }

    @Test
    void cancelBlockersNeverTouchesASessionThatRunsAQuery(TestDatabase db) throws Exception {
        Path location = migratedExamples("flyway", db);
        MigrationSets.append("flyway", location, "add loyalty points",
                "ALTER TABLE customers ADD COLUMN loyalty_points integer;");
        LockGuard cancelling = new LockGuard(Duration.ofMillis(500), 20, Duration.ofMillis(200), Duration.ZERO, true,
                Optional.of(Duration.ofMillis(100)));

        try (Session blocker = Session.holdingAccessShare(db, "long-report")) {
            Thread report = blocker.runThenCommit("SELECT pg_sleep(4)");
            MigrateResult result = migrator(db, location, cancelling).migrate();
            report.join();

            assertThat(Optional.ofNullable(blocker.failure())).as("the report's own query").isEmpty();
            assertThat(result.applied()).hasSize(1);
            assertThat(events).noneMatch(event -> event instanceof MigrationEvent.Warning warning
                    && warning.message().contains("Ended blocking session"));
        }
    }

    /** A migration user without pg_signal_backend cannot end a superuser's session: it says so, ends nothing. */
    @Test
    void cancelBlockersWithoutThePrivilegeSaysSoAndEndsNothing(TestDatabase db) throws Exception {
        db.execute("CREATE ROLE limited_migrator LOGIN PASSWORD 'limited-secret'; GRANT CREATE ON DATABASE \""
                + db.name() + "\" TO limited_migrator; GRANT CREATE ON SCHEMA public TO limited_migrator");
        Target limited = new Target(db.target().host(), db.target().port(), db.name(), "limited_migrator",
                Optional.of(Password.of("limited-secret")), db.target().sslMode(), db.target().connectTimeout(),
                db.target().socketTimeout(), db.target().properties());
        Path location = MigrationSets.copy("flyway", directory);
        Migrator.configure().target(limited).location(location.toString()).load().migrate();
        MigrationSets.append("flyway", location, "add loyalty points",
                "ALTER TABLE customers ADD COLUMN loyalty_points integer;");
        LockGuard cancelling = new LockGuard(Duration.ofMillis(300), 4, Duration.ofMillis(300), Duration.ZERO, true,
                Optional.of(Duration.ofMillis(100)));

        try (Session blocker = Session.holdingAccessShare(db, "superuser-console")) {
            for (String cannot : List.of("its state is hidden", "permission denied")) {
                events.clear();
                assertThatThrownBy(() -> Migrator.configure().target(limited).location(location.toString())
                        .lockGuard(cancelling).addListener(events::add).load().migrate())
                        .isInstanceOfSatisfying(MigrateException.class, failure -> assertThat(failure.code())
                                .isEqualTo(CoreErrorCode.LOCK_CONTENTION));

                assertThat(events.stream().filter(MigrationEvent.Warning.class::isInstance)
                        .map(event -> ((MigrationEvent.Warning) event).message()))
                        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                        .contains("could not end blocking session pid " + blocker.pid()).contains(cannot)
                        .contains("pg_signal_backend").contains("Nothing was ended");
                assertThat(db.column("SELECT state FROM pg_stat_activity WHERE pid = " + blocker.pid()))
                        .containsExactly("idle in transaction");
                db.execute("GRANT pg_read_all_stats TO limited_migrator");
            }
        }
    }

    private Path migratedExamples(String tool, TestDatabase db) {
        Path location = MigrationSets.copy(tool, directory);
        migrator(db, location, GUARD).migrate();
        events.clear();
        return location;
    }

    private Migrator migrator(TestDatabase db, Path location, LockGuard guard) {
        return Migrator.configure().target(db.target()).location(location.toString()).lockGuard(guard)
                .addListener(events::add).load();
    }

    private List<MigrationEvent.LockContention> contentions() {
        return events.stream().filter(MigrationEvent.LockContention.class::isInstance)
                .map(MigrationEvent.LockContention.class::cast).toList();
    }

    private static JournalEntry lastJournalRow(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            List<JournalEntry> entries = Journal.existing(connection, JournalScope.DATABASE).entries();
            return entries.get(entries.size() - 1);
        }
    }

    /** Another session with an open transaction that has read the customers table: it holds ACCESS SHARE. */
    static final class Session implements AutoCloseable {
        private final Connection connection;
        private final int pid;
        private Thread committer;
        private volatile SQLException failure;

        private Session(Connection connection, int pid) {
            this.connection = connection;
            this.pid = pid;
        }

        static Session holdingAccessShare(TestDatabase db, String application) throws SQLException {
            return holding(db, application, "SELECT count(*) FROM customers");
        }

        /** A session whose open transaction has run {@code query}, and then sits idle. */
        static Session holding(TestDatabase db, String application, String query) throws SQLException {
            Connection connection = db.connect();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET application_name = '" + application + "'");
                int pid = connection.unwrap(PGConnection.class).getBackendPID();
                connection.setAutoCommit(false);
                statement.execute(query);
                return new Session(connection, pid);
            }
        }

        int pid() {
            return pid;
        }

        /** What a query run by {@link #runThenCommit} failed with, or {@code null}. */
        SQLException failure() {
            return failure;
        }

        /** Runs a query in the open transaction, then commits, on a thread of its own. */
        Thread runThenCommit(String query) {
            Thread thread = new Thread(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(query);
                    connection.commit();
                } catch (SQLException e) {
                    failure = e;
                }
            });
            thread.start();
            return thread;
        }

        void commitAfter(Duration hold) {
            committer = new Thread(() -> {
                try {
                    Thread.sleep(hold.toMillis());
                    connection.commit();
                } catch (InterruptedException | SQLException e) {
                    Thread.currentThread().interrupt();
                }
            });
            committer.start();
        }

        @Override
        public void close() throws Exception {
            if (committer != null) {
                committer.join();
            }
            connection.close();
        }
    }

    /** A few threads that insert customers in a loop, each write timed. */
    static final class Writers implements AutoCloseable {
        private final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final List<Long> latencies = new CopyOnWriteArrayList<>();
        private volatile boolean stopped;

        record Stalls(int count, Duration longest) {
        }

        static Writers start(TestDatabase db, int count) {
            Writers writers = new Writers();
            for (int i = 0; i < count; i++) {
                Thread thread = new Thread(() -> writers.write(db));
                writers.threads.add(thread);
                thread.start();
            }
            return writers;
        }

        private void write(TestDatabase db) {
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                while (!stopped) {
                    long started = System.nanoTime();
                    statement.execute("INSERT INTO customers (email, name) VALUES ('" + java.util.UUID.randomUUID()
                            + "@example.com', 'writer')");
                    latencies.add(System.nanoTime() - started);
                    Thread.sleep(20);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        Stalls stop() throws InterruptedException {
            stopped = true;
            for (Thread thread : threads) {
                thread.join();
            }
            return new Stalls(latencies.size(), Duration.ofNanos(latencies.stream().mapToLong(Long::longValue).max()
                    .orElse(0)));
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
