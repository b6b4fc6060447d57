package dev.optamigrate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.journal.Journal;
import dev.optamigrate.core.journal.JournalEntry;
import dev.optamigrate.core.journal.JournalScope;
import dev.optamigrate.core.lock.LockFence;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The lock must hold: when the migration lock's session ends mid-migration (a proxy's idle timeout, a failover,
 * an operator), the run notices within the fence's bound, ends the statement in flight and fails with
 * {@code LOCK_LOST}; a second run then applies the migration exactly once. For every tool.
 */
class LockFenceTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    static final List<String> TOOLS = MigrationSets.TOOLS;
    /** The fence's bound: a check every second, and two seconds for the lock's connection to answer. */
    private static final Duration BOUND = LockFence.EVERY.plus(LockFence.ANSWER_WITHIN);

    /** The two halves of opta-migrate's lock key, as pg_locks shows them ("opta", "migr"). */
    private static final long OPTA_MIGRATE_LOCK_HIGH = 0x6F707461L;
    private static final long OPTA_MIGRATE_LOCK_LOW = 0x6D696772L;

    @TempDir
    Path directory;

    @ParameterizedTest
    @FieldSource("TOOLS")
    void aRunThatLosesItsLockStopsWithLockLostAndTheNextRunAppliesTheMigrationOnce(String tool, TestDatabase db)
            throws Exception {
        Path location = MigrationSets.copy(tool, directory);
        migrator(db, location).migrate();
        db.execute("CREATE TABLE applied_runs (at timestamptz NOT NULL DEFAULT now())");
        MigrationSets.append(tool, location, "record a run slowly",
                "INSERT INTO applied_runs DEFAULT VALUES; SELECT pg_sleep(8);");

        CompletableFuture<MigrateResult> first = CompletableFuture.supplyAsync(() -> migrator(db, location).migrate());
        awaitStatementInFlight(db, "pg_sleep(8)");
        long lostAt = System.nanoTime();
        db.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                + "AND classid::bigint = " + OPTA_MIGRATE_LOCK_HIGH + " AND objid::bigint = " + OPTA_MIGRATE_LOCK_LOW
                + " AND objsubid = 1");

        MigrateException failure = failureOf(first, Duration.ofSeconds(30));
        Duration noticed = Duration.ofNanos(System.nanoTime() - lostAt);
        assertThat(failure.code()).isEqualTo(CoreErrorCode.LOCK_LOST);
        assertThat(failure.exitCode()).isEqualTo(27);
        assertThat(failure.getMessage()).contains("Lost the migration lock", "ended its migration sessions");
        assertThat(noticed).as("time from the lost lock to the run's end").isLessThan(BOUND.plusSeconds(2));
        assertThat(db.column("SELECT count(*) FROM applied_runs")).as("the fenced run's insert was rolled back")
                .containsExactly("0");
        assertThat(journal(db).status()).isEqualTo("FAILED");
        assertThat(journal(db).error()).contains("Lost the migration lock");

        MigrateResult second = migrator(db, location).migrate();

        assertThat(second.applied()).hasSize(1);
        assertThat(db.column("SELECT count(*) FROM applied_runs")).containsExactly("1");
    }

    private static Migrator migrator(TestDatabase db, Path location) {
        return Migrator.configure().target(db.target()).location(location.toString()).load();
    }

    static void awaitStatementInFlight(TestDatabase db, String fragment) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (db.column("SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%" + fragment
                + "%' AND pid <> pg_backend_pid()").isEmpty()) {
            assertThat(System.nanoTime()).as("the slow migration started").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** The failure a run ends with, within the time given. */
    static MigrateException failureOf(CompletableFuture<MigrateResult> run, Duration within) throws Exception {
        try {
            run.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(MigrateException.class);
            return (MigrateException) e.getCause();
        }
        throw new AssertionError("the run succeeded");
    }

    private static JournalEntry journal(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            List<JournalEntry> entries = Journal.existing(connection, JournalScope.DATABASE).entries();
            return entries.get(entries.size() - 1);
        }
    }
}
