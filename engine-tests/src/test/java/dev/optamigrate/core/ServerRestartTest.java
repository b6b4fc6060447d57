package dev.optamigrate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.journal.Journal;
import dev.optamigrate.core.journal.JournalEntry;
import dev.optamigrate.core.journal.JournalScope;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.target.SslMode;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.testing.MigrationSets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL shuts down (fast: every session ended) in the middle of a migration, and comes back: the run fails
 * with a clear error instead of a stack trace, and the next run applies the cut-off migration once.
 */
class ServerRestartTest {
    @TempDir
    Path directory;

    @Test
    void aRestartMidMigrationFailsClearlyAndTheNextRunAppliesTheMigrationOnce() throws Exception {
        Path data = directory.resolve("pgdata");
        int port = freePort();
        Target target = new Target("localhost", port, "postgres", "postgres", Optional.empty(), SslMode.DISABLE,
                Duration.ofSeconds(5), Duration.ofMinutes(5), Map.of());
        Path location = MigrationSets.copy("flyway", directory.resolve("migrations"));
        MigrateException failure;
        try (EmbeddedPostgres first = start(data, port)) {
            migrator(target, location).migrate();
            execute(first, "CREATE TABLE applied_runs (at timestamptz NOT NULL DEFAULT now())");
            MigrationSets.append("flyway", location, "record a run slowly",
                    "INSERT INTO applied_runs DEFAULT VALUES; SELECT pg_sleep(8);");

            CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(() -> migrator(target, location)
                    .migrate());
            awaitStatementInFlight(first, "pg_sleep(8)");
            first.close();
            failure = LockFenceTest.failureOf(run, Duration.ofSeconds(60));
        }

        assertThat(failure.code()).isIn(CoreErrorCode.CANNOT_CONNECT, CoreErrorCode.LOCK_LOST);
        assertThat(failure.getMessage()).containsAnyOf("Lost the connection to the server",
                "Lost the migration lock").doesNotContain("\tat ");
        assertThat(failure.hint()).contains("run again");
        try (EmbeddedPostgres second = start(data, port)) {
            MigrateResult next = migrator(target, location).migrate();

            assertThat(next.applied()).hasSize(1);
            assertThat(query(second, "SELECT count(*) FROM applied_runs")).containsExactly("1");
            try (Connection connection = second.getPostgresDatabase().getConnection()) {
                List<JournalEntry> rows = Journal.existing(connection, JournalScope.DATABASE).entries();
                assertThat(rows.get(rows.size() - 2).status()).isIn("ABANDONED", "FAILED");
                assertThat(rows.get(rows.size() - 1).status()).isEqualTo("SUCCEEDED");
            }
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    private static Migrator migrator(Target target, Path location) {
        return Migrator.configure().target(target).location(location.toString()).load();
    }

    private static void awaitStatementInFlight(EmbeddedPostgres postgres, String fragment) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (query(postgres, "SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%"
                + fragment + "%' AND pid <> pg_backend_pid()").isEmpty()) {
            assertThat(System.nanoTime()).as("the slow migration started").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void execute(EmbeddedPostgres postgres, String sql) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(EmbeddedPostgres postgres, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
