package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Tool detection, dry runs, undo and lock waits, through the command line. */
class ToolCommandsTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    static final java.util.List<String> TOOLS = MigrationSets.TOOLS;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @FieldSource("TOOLS")
    void detectsTheToolAndNamesItInTheOutput(String tool, TestDatabase db) {
        Path location = MigrationSets.copy(tool, dir.resolve("m"));
        Cli.Result result = Cli.run(dir, "migrate", "--url", db.url(), "--location", location.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Tool: " + tool + " (detected from ", "with " + tool + " from");
    }

    @ParameterizedTest
    @FieldSource("TOOLS")
    void dryRunPrintsThePendingSqlInOrderAndChangesNothing(String tool, TestDatabase db) throws Exception {
        Path location = MigrationSets.copy(tool, dir.resolve("m"));
        String before = Cli.run(dir, "status", "--url", db.url(), "--location", location.toString(), "--output",
                "json").out();

        Cli.Result dryRun = Cli.run(dir, "migrate", "--url", db.url(), "--location", location.toString(),
                "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.all()).isZero();
        assertThat(dryRun.out()).contains("Nothing was changed", "CREATE TABLE customers", "CREATE TABLE orders");
        assertThat(dryRun.out().indexOf("CREATE TABLE customers")).isLessThan(dryRun.out().indexOf("CREATE TABLE orders"));
        String after = Cli.run(dir, "status", "--url", db.url(), "--location", location.toString(), "--output",
                "json").out();
        assertThat(after).isEqualTo(before);
        assertThat(db.hasTable("customers")).isFalse();
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
    }

    @Test
    void dryRunAsJson(TestDatabase db) throws Exception {
        Cli.Result result = Cli.run(dir, "migrate", "--url", db.url(), "--location",
                MigrationSets.copy("flyway", dir.resolve("m")).toString(), "--dry-run", "--output", "json");
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("dryRun").asBoolean()).isTrue();
        assertThat(json.get("pending")).extracting(node -> node.get("version").asText())
                .containsExactly("1", "2", "3", "4");
        assertThat(json.get("pending").get(0).get("sql").asText()).contains("CREATE TABLE customers");
    }

    @Test
    void undoRevertsWithLiquibase(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("liquibase", dir.resolve("m"));
        assertThat(Cli.run(dir, "migrate", "--url", db.url(), "--location", location.toString()).exitCode()).isZero();

        Cli.Result undo = Cli.run(dir, "undo", "--url", db.url(), "--location", location.toString(), "--steps", "1");

        assertThat(undo.exitCode()).as(undo.all()).isZero();
        assertThat(undo.out()).contains("reverted 4 add customer phone", "now at version 3");
        assertThat(db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'customers'"))
                .doesNotContain("phone");
    }

    @Test
    void undoWithFlywaySuggestsAForwardMigration(TestDatabase db) {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        Cli.Result undo = Cli.run(dir, "undo", "--url", db.url(), "--location", location.toString(), "--steps", "1");
        assertThat(undo.exitCode()).isEqualTo(7);
        assertThat(undo.err()).contains("no undo", "forward migration");
    }

    @Test
    void undoNeedsStepsOrTag(TestDatabase db) {
        Cli.Result undo = Cli.run(dir, "undo", "--url", db.url(), "--location", dir.toString());
        assertThat(undo.exitCode()).isEqualTo(2);
        assertThat(undo.err()).contains("--steps", "--tag");
    }

    @Test
    void lockWaitTimeoutExitsWithItsCodeAndNamesTheHolder(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        try (Connection holder = db.holdMigrationLock("opta-migrate build-host-7 pid 4242")) {
            Cli.Result result = Cli.run(dir, "migrate", "--url", db.url(), "--location", location.toString(),
                    "--lock-wait", "1s");

            assertThat(result.exitCode()).isEqualTo(5);
            assertThat(result.out()).contains("Waiting for the migration lock", "build-host-7 pid 4242");
            assertThat(result.err()).contains("Gave up waiting for the migration lock",
                    "'opta-migrate build-host-7 pid 4242'", "backend pid", "since 20");
        }
        assertThat(db.hasTable("customers")).isFalse();
    }
}
