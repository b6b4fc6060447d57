package dev.optamigrate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network cut mid-migration (no FIN, no RST): the run does not wait for its hour-long socket timeout. The lock
 * fence finds the lock's connection silent, the run closes the tool's connections on its side, and it exits with
 * {@code LOCK_LOST} within README's bound.
 */
class NetworkCutTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    /** README's bound: the fence (3 s), the blocker watch's stop (5 s), the journal write (5 s), the unlock (2 s). */
    private static final Duration BOUND = Duration.ofSeconds(15);

    @TempDir
    Path directory;

    @Test
    void aRunCutOffFromItsServerStopsWithLockLostWithinTheBound(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("flyway", directory);
        Migrator.configure().target(db.target()).location(location.toString()).load().migrate();
        MigrationSets.append("flyway", location, "wait", "SELECT pg_sleep(20);");

        try (BlackHoleProxy proxy = BlackHoleProxy.start(db.target())) {
            Target through = proxy.target();
            CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(() -> Migrator.configure()
                    .target(through).location(location.toString()).load().migrate());
            LockFenceTest.awaitStatementInFlight(db, "pg_sleep(20)");
            long cutAt = System.nanoTime();
            proxy.blackHole();

            MigrateException failure = LockFenceTest.failureOf(run, Duration.ofSeconds(60));

            assertThat(failure.code()).isEqualTo(CoreErrorCode.LOCK_LOST);
            assertThat(Duration.ofNanos(System.nanoTime() - cutAt)).as("time from the cut to the run's end")
                    .isLessThan(BOUND.plusSeconds(3));
        }
    }
}
