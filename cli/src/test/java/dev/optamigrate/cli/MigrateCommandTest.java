package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optamigrate.core.testing.Examples;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void migratesThenReportsUpToDateAndStatusListsEveryMigration(TestDatabase db) throws Exception {
        Cli.Result first = Cli.run(dir, "migrate", "--url", db.url(), "--location", flyway());
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains("applied  1 create customers", "Migrated from empty to version 4");

        String schema = String.join(",", db.column("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'public' ORDER BY 1"));
        Cli.Result second = Cli.run(dir, "migrate", "--url", db.url(), "--location", flyway());
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("up to date at version 4").doesNotContain("applied ");
        assertThat(String.join(",", db.column("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'public' ORDER BY 1"))).isEqualTo(schema);

        Cli.Result status = Cli.run(dir, "status", "--url", db.url(), "--location", flyway(), "--output", "json");
        assertThat(status.exitCode()).isZero();
        JsonNode json = JSON.readTree(status.out());
        assertThat(json.get("tool").asText()).isEqualTo("flyway");
        assertThat(json.get("current").asText()).isEqualTo("4");
        assertThat(json.get("pending")).isEmpty();
        assertThat(json.get("applied")).extracting(node -> node.get("version").asText())
                .containsExactly("1", "2", "3", "4");
        assertThat(json.get("applied")).extracting(node -> node.get("description").asText())
                .contains("create customers");
    }

    @Test
    void jsonOutputIsOneEventPerLine(TestDatabase db) throws Exception {
        Cli.Result result = Cli.run(dir, "migrate", "--url", db.url(), "--location", flyway(), "--output", "json",
                "--release", "v42");
        assertThat(result.exitCode()).isZero();
        List<JsonNode> events = result.out().lines().map(this::parse).toList();
        assertThat(events).extracting(e -> e.get("type").asText())
                .startsWith("run-started").endsWith("run-finished").contains("migration-finished");
        assertThat(events).filteredOn(e -> e.get("type").asText().equals("migration-finished"))
                .extracting(e -> e.get("version").asText()).containsExactly("1", "2", "3", "4");
        assertThat(events.get(events.size() - 1).get("applied").asInt()).isEqualTo(4);
        assertThat(db.column("SELECT release FROM opta_migrate.opta_migrate_journal")).containsExactly("v42");
    }

    /** Lock guard flags, its events in JSON, and LOCK_CONTENTION when the retries run out. */
    @Test
    void aMigrationBlockedUntilTheRetriesRunOutExitsWithLockContention(TestDatabase db) throws Exception {
        Path migrations = examplesWithAnAlterPending(db);

        Cli.Result result;
        try (Connection blocker = readingCustomers(db, "nightly-report")) {
            result = Cli.run(dir, "migrate", "--url", db.url(), "--location", migrations.toString(), "--output",
                    "json", "--lock-timeout", "600ms", "--lock-retries", "1", "--lock-retry-pause", "100ms",
                    "--report-queries", "false");
        }

        assertThat(result.exitCode()).as(result.all()).isEqualTo(26);
        List<JsonNode> events = result.out().lines().map(this::parse).toList();
        assertThat(events).filteredOn(event -> event.get("type").asText().equals("lock-contention"))
                .anySatisfy(event -> {
                    assertThat(event.get("timedOut").asBoolean()).isTrue();
                    assertThat(event.get("blockers").get(0).get("application").asText()).isEqualTo("nightly-report");
                    assertThat(event.get("blockers").get(0).get("query").isNull()).isTrue();
                });
        assertThat(events).anySatisfy(event -> assertThat(event.get("type").asText()).isEqualTo("lock-retry"));
        assertThat(result.err()).contains("gave up waiting for a lock 2 times")
                .contains("canceling statement due to lock timeout").contains("nightly-report");
        assertThat(db.column("SELECT status FROM opta_migrate.opta_migrate_journal ORDER BY id DESC LIMIT 1"))
                .containsExactly("FAILED");
    }

    /** The lock guard's events for people: who blocks, and when the migration runs again. */
    @Test
    void aBlockedMigrationSaysWhoBlocksItAndWhenItRunsAgain(TestDatabase db) throws Exception {
        Path migrations = examplesWithAnAlterPending(db);

        Cli.Result result;
        try (Connection blocker = readingCustomers(db, "nightly-report")) {
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(3_000);
                    blocker.commit();
                } catch (InterruptedException | java.sql.SQLException e) {
                    Thread.currentThread().interrupt();
                }
            });
            release.start();
            result = Cli.run(dir, "migrate", "--url", db.url(), "--location", migrations.toString(),
                    "--lock-timeout", "600ms", "--lock-retry-pause", "200ms");
            release.join();
        }

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Lock guard: attempt 1 gave up waiting for a table lock (lock-timeout)")
                .contains("application 'nightly-report'").contains("SELECT count(*) FROM customers")
                .contains("Lock guard: running the migration again in").contains("applied  5 loyalty");
    }

    /** The Flyway examples, migrated, with a pending ALTER TABLE on customers. */
    private Path examplesWithAnAlterPending(TestDatabase db) throws Exception {
        Path migrations = Examples.copy("flyway", dir.resolve("m"));
        assertThat(Cli.run(dir, "migrate", "--url", db.url(), "--location", migrations.toString()).exitCode())
                .isZero();
        Files.writeString(migrations.resolve("V5__loyalty.sql"), "ALTER TABLE customers ADD COLUMN points int;\n");
        return migrations;
    }

    /** A session whose open transaction has read customers, so that it holds ACCESS SHARE on the table. */
    private static Connection readingCustomers(TestDatabase db, String application) throws Exception {
        Connection blocker = db.connect();
        try (Statement statement = blocker.createStatement()) {
            statement.execute("SET application_name = '" + application + "'");
            blocker.setAutoCommit(false);
            statement.execute("SELECT count(*) FROM customers");
        }
        return blocker;
    }

    @Test
    void failingMigrationNamesFileAndStatementAndKeepsThePreviousVersion(TestDatabase db) throws Exception {
        Path migrations = Examples.copy("flyway", dir.resolve("m"));
        Files.writeString(migrations.resolve("V5__backfill.sql"), "UPDATE customers SET phone = '-';\n"
                + "ALTER TABLE customers ALTER COLUMN phone SET DATA TYPE no_such_type;\n");

        Cli.Result result = Cli.run(dir, "migrate", "--url", db.url(), "--location", migrations.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("V5__backfill.sql", "no_such_type", "hint:")
                .doesNotContain("\tat org.flywaydb");
        Cli.Result status = Cli.run(dir, "status", "--url", db.url(), "--location", migrations.toString(),
                "--output", "json");
        assertThat(parse(status.out()).get("current").asText()).isEqualTo("4");
        assertThat(db.column("SELECT count(*) FROM customers WHERE phone = '-'")).containsExactly("0");
    }

    @Test
    void validateFailsWhenAnAppliedMigrationChanged(TestDatabase db) throws Exception {
        Path migrations = Examples.copy("flyway", dir.resolve("m"));
        assertThat(Cli.run(dir, "migrate", "--url", db.url(), "--location", migrations.toString()).exitCode())
                .isZero();
        assertThat(Cli.run(dir, "validate", "--url", db.url(), "--location", migrations.toString()).exitCode())
                .isZero();
        Files.writeString(migrations.resolve("V1__create_customers.sql"), "-- edited\n",
                java.nio.file.StandardOpenOption.APPEND);

        Cli.Result result = Cli.run(dir, "validate", "--url", db.url(), "--location", migrations.toString(),
                "--output", "json");

        assertThat(result.exitCode()).isEqualTo(6);
        JsonNode json = parse(result.out());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("problems").get(0).asText()).contains("checksum");
    }

    @Test
    void settingsComeFromTheConfigFileAndTheEnvironment(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("opta-migrate.yaml"), "location: " + flyway() + "\nlock-wait: 30s\n");
        Cli.Result result = Cli.run(Map.of("OPTA_MIGRATE_URL", db.url()), dir, "migrate");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(db.hasTable("orders")).isTrue();
    }

    private JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static String flyway() {
        return Examples.of("flyway").toString();
    }
}
