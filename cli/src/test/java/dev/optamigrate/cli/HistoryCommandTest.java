package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `history`, which needs no migration location, against a journal with successful, failed and abandoned runs. */
class HistoryCommandTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void showsEveryKindOfRunAndFiltersThem(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        assertThat(Cli.migrate(dir, db.url(), location, "--release", "shop:1.7", "--standby", "alice").exitCode())
                .isZero();
        String broken = MigrationSets.append("flyway", location, "broken", "ALTER TABLE nowhere ADD x int;");
        assertThat(Cli.migrate(dir, db.url(), location, "--release", "shop:1.8").exitCode()).isEqualTo(1);
        db.execute("INSERT INTO opta_migrate.opta_migrate_journal (action, tool, strategy, location, release, status, "
                + "host, pid) VALUES ('migrate', 'flyway', 'job', 'db/migration', 'shop:1.8', 'RUNNING', 'pod-x', 7)");
        MigrationSets.replace("flyway", location, broken, "ALTER TABLE customers ADD COLUMN vip boolean;");
        assertThat(Cli.migrate(dir, db.url(), location, "--release", "shop:1.8", "--outside-window", "unused")
                .exitCode()).isZero();

        Cli.Result text = Cli.run(dir, "history", "--url", db.url());
        JsonNode all = JSON.readTree(Cli.run(dir, "history", "--url", db.url(), "--location", location.toString(),
                "--output", "json").out());
        JsonNode failed = JSON.readTree(Cli.run(dir, "history", "--url", db.url(), "--location",
                location.toString(), "--status", "failed,ABANDONED", "--output", "json").out());
        JsonNode release = JSON.readTree(Cli.run(dir, "history", "--url", db.url(), "--location",
                location.toString(), "--release", "shop:1.7", "--since", "1d", "--output", "json").out());
        Cli.Result badStatus = Cli.run(dir, "history", "--url", db.url(), "--status", "DONE");

        assertThat(text.exitCode()).as(text.all()).isZero();
        assertThat(text.out()).contains("SUCCEEDED", "FAILED", "ABANDONED", "empty -> 4", "alice",
                "Migration V5__broken.sql failed");
        assertThat(all.get("runs")).extracting(run -> run.get("status").asText())
                .containsExactly("SUCCEEDED", "FAILED", "ABANDONED", "SUCCEEDED");
        assertThat(all.get("runs").get(0).get("standby").asText()).isEqualTo("alice");
        assertThat(all.get("runs").get(0).get("durationMs").asLong()).isPositive();
        assertThat(all.get("runs").get(2).get("strategy").asText()).isEqualTo("job");
        assertThat(failed.get("runs")).extracting(run -> run.get("status").asText())
                .containsExactly("FAILED", "ABANDONED");
        assertThat(release.get("runs")).singleElement().satisfies(run -> assertThat(run.get("toVersion").asText())
                .isEqualTo("4"));
        assertThat(badStatus.exitCode()).isEqualTo(2);
        assertThat(badStatus.err()).contains("--status DONE is not a run status");
    }
}
