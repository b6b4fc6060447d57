package dev.optamigrate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.lock.LockFence;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network cut mid-migration (no FIN, no RST): the run does not wait for its hour-long socket timeout. The lock
 * fence finds the lock's connection silent, the run closes the tool's connections on its side, and it exits with
 * {@code LOCK_LOST} within README's bound. On the server's side, where the proxy keeps the connections open (so TCP
 * keepalives could not tell), the lock's silent session ends within its bound, and the next run ends the cut run's
 * statement, still in flight, before it migrates.
 */
class NetworkCutTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    /** README's bound: the fence (3 s), the blocker watch's stop (5 s), the journal write (5 s), the unlock (2 s). */
    private static final Duration BOUND = Duration.ofSeconds(15);

    @TempDir
    Path directory;

    @Test
    void aRunCutOffFromItsServerStopsWithLockLostAndTheServerFreesTheLockWithinItsBound(TestDatabase db)
            throws Exception {
        Path location = MigrationSets.copy("flyway", directory);
        Migrator.configure().target(db.target()).location(location.toString()).load().migrate();
        db.execute("CREATE TABLE sleep_for (seconds int NOT NULL); INSERT INTO sleep_for VALUES (60)");
        MigrationSets.append("flyway", location, "wait", "SELECT pg_sleep((SELECT seconds FROM sleep_for));");

        try (BlackHoleProxy proxy = BlackHoleProxy.start(db.target())) {
            Target through = proxy.target();
            CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(() -> Migrator.configure()
                    .target(through).location(location.toString()).load().migrate());
            LockFenceTest.awaitStatementInFlight(db, "pg_sleep((SELECT");
            long cutAt = System.nanoTime();
            proxy.blackHole();

            MigrateException failure = LockFenceTest.failureOf(run, Duration.ofSeconds(60));

            assertThat(failure.code()).isEqualTo(CoreErrorCode.LOCK_LOST);
            assertThat(Duration.ofNanos(System.nanoTime() - cutAt)).as("time from the cut to the run's end")
                    .isLessThan(BOUND.plusSeconds(3));
            awaitLockFree(db);
            assertThat(Duration.ofNanos(System.nanoTime() - cutAt)).as("time from the cut until the server freed "
                    + "the lock").isLessThan(LockFence.SERVER_FREES_AFTER.plusSeconds(3));

            db.execute("UPDATE sleep_for SET seconds = 0");
            MigrateResult next = Migrator.configure().target(db.target()).location(location.toString()).load()
                    .migrate();

            assertThat(next.applied()).as("the next run, behind the cut one's statement still in flight").hasSize(1);
            assertThat(db.column("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep((SELECT%' "
                    + "AND state = 'active'")).as("the cut run's statement was ended").containsExactly("0");
        }
    }

    private static void awaitLockFree(TestDatabase db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!db.column("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid::bigint = "
                + 0x6F707461L + " AND objid::bigint = " + 0x6D696772L + " AND objsubid = 1").isEmpty()) {
            assertThat(System.nanoTime()).as("the server freed the lock").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
