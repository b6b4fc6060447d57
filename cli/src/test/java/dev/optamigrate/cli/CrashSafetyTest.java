package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * {@code kill -9} of a run in the middle of a 60-second statement: the next run gets the lock within 10
 * seconds without any manual step, and nothing half-applied is recorded as applied. A SIGTERM at the same point
 * says what was applied and what was cut off, and closes the journal row as {@code INTERRUPTED}.
 */
class CrashSafetyTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    static final List<String> TOOLS = MigrationSets.TOOLS;
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @FieldSource("TOOLS")
    void killedRunLeavesNothingBehind(String tool, TestDatabase db, @TempDir Path dir) throws Exception {
        Path location = MigrationSets.copy(tool, dir.resolve("migrations"));
        assertThat(Cli.run(dir, "migrate", "--url", db.url(), "--location", location.toString()).exitCode()).isZero();
        String slow = MigrationSets.append(tool, location, "slow backfill",
                "CREATE TABLE backfill_done (id int);\nSELECT pg_sleep(60);");

        Process run = Cli.start(Map.of(), dir.resolve("killed.txt"), List.of("migrate", "--url", db.url(),
                "--location", location.toString()));
        awaitStatementRunning(db, run, dir.resolve("killed.txt"));
        run.destroyForcibly();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();

        JsonNode status = JSON.readTree(Cli.run(dir, "status", "--url", db.url(), "--location", location.toString(),
                "--output", "json").out());
        assertThat(status.get("pending")).extracting(node -> node.get("version").asText()).containsExactly(slow);
        assertThat(status.get("failed")).isEmpty();
        assertThat(db.hasTable("backfill_done")).isFalse();
        if (tool.equals("liquibase")) {
            assertThat(db.column("SELECT locked FROM databasechangeloglock")).as("stale Liquibase lock row")
                    .containsExactly("t");
        }

        MigrationSets.replace(tool, location, slow, "CREATE TABLE backfill_done (id int);");
        Cli.Result next = Cli.run(dir, "migrate", "--url", db.url(), "--location", location.toString(),
                "--lock-wait", "10s", "--output", "json");

        assertThat(next.exitCode()).as(next.all()).isZero();
        JsonNode acquired = next.out().lines().map(CrashSafetyTest::parse)
                .filter(event -> event.get("type").asText().equals("lock-acquired")).findFirst().orElseThrow();
        assertThat(acquired.get("waitedMs").asLong()).isLessThan(10_000);
        assertThat(db.hasTable("backfill_done")).isTrue();
        if (tool.equals("liquibase")) {
            assertThat(next.out()).contains("Released Liquibase's stale DATABASECHANGELOGLOCK row");
        }
        assertThat(db.column("SELECT status FROM opta_migrate.opta_migrate_journal ORDER BY id"))
                .containsExactly("SUCCEEDED", "ABANDONED", "SUCCEEDED");
        assertThat(db.column("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' "
                + "AND pid <> pg_backend_pid()")).containsExactly("0");
    }

    @ParameterizedTest
    @FieldSource("TOOLS")
    void sigtermSaysWhatWasAppliedAndClosesTheJournalRow(String tool, TestDatabase db, @TempDir Path dir)
            throws Exception {
        Path location = MigrationSets.copy(tool, dir.resolve("migrations"));
        String slow = MigrationSets.append(tool, location, "slow backfill",
                "CREATE TABLE backfill_done (id int);\nSELECT pg_sleep(60);");
        Path output = dir.resolve("terminated.txt");

        Process run = Cli.start(Map.of(), output, List.of("migrate", "--url", db.url(), "--location",
                location.toString()));
        awaitStatementRunning(db, run, output);
        run.destroy();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();

        int applied = MigrationSets.exampleCount(tool);
        assertThat(run.exitValue()).isEqualTo(143);
        assertThat(Files.readString(output)).contains("Interrupted by a signal. Applied before it: ",
                "Cut off: " + slow, "PostgreSQL rolls its transaction back");
        assertThat(db.column("SELECT status || ' ' || applied FROM opta_migrate.opta_migrate_journal"))
                .containsExactly("INTERRUPTED " + applied);
        assertThat(db.hasTable("backfill_done")).isFalse();

        MigrationSets.replace(tool, location, slow, "CREATE TABLE backfill_done (id int);");
        Cli.Result next = Cli.run(dir, "migrate", "--url", db.url(), "--location", location.toString(),
                "--lock-wait", "10s");
        assertThat(next.exitCode()).as(next.all()).isZero();
        assertThat(next.out()).contains("1 migration");
        assertThat(db.hasTable("backfill_done")).isTrue();
    }

    private static void awaitStatementRunning(TestDatabase db, Process run, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && run.isAlive()) {
            if (!db.column("SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE "
                    + "'%pg_sleep(60)%' AND pid <> pg_backend_pid()").isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the slow statement never started: " + Files.readString(output));
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
