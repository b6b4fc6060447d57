package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The contract gate on the command line: the flags, exit code 28, and what `status` and `check` say. */
class ContractGateCommandTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aContractWhileTheOldReleaseRunsExits28AndStatusSaysWhy(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        MigrationSets.append("flyway", location, "legacy status", "ALTER TABLE orders ADD COLUMN legacy_status text;");
        assertThat(Cli.migrate(dir, db.url(), location, "--release", "shop:1.7").exitCode()).isZero();
        MigrationSets.append("flyway", location, "retire", "-- opta-migrate:retire orders.legacy_status\nSELECT 1;");
        assertThat(Cli.migrate(dir, db.url(), location, "--release", "shop:1.8").exitCode()).isZero();
        MigrationSets.append("flyway", location, "drop legacy status", "ALTER TABLE orders DROP COLUMN legacy_status;");

        Cli.Result refused = Cli.migrate(dir, db.url(), location, "--release", "shop:1.9", "--running-release",
                "shop:1.8", "--running-release", "shop:1.7");

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(28);
        assertThat(refused.err()).contains("error: The contract gate refused V7__drop_legacy_status.sql: "
                + "orders.legacy_status was retired by release shop:1.8", "shop:1.7 still runs", "hint: Ship the "
                + "contract in a later release");
        Cli.Result status = Cli.run(dir, "status", "--url", db.url(), "--location", location.toString(), "--release",
                "shop:1.9", "--running-release", "shop:1.7");
        assertThat(status.out()).contains("contract: orders.legacy_status", "Retired, not yet contracted (1):",
                "orders.legacy_status  by release shop:1.8", "Contracts not ready (1):", "shop:1.7 still runs");
        JsonNode json = JSON.readTree(Cli.run(dir, "status", "--url", db.url(), "--location", location.toString(),
                "--release", "shop:1.9", "--running-release", "shop:1.8", "--output", "json").out());
        assertThat(json.get("pending").get(0).get("phase").asText()).isEqualTo("contract");
        assertThat(json.get("retired").get(0).get("release").asText()).isEqualTo("shop:1.8");
        assertThat(json.get("contractsNotReady")).isEmpty();

        Cli.Result applied = Cli.migrate(dir, db.url(), location, "--release", "shop:1.9", "--running-release",
                "shop:1.8");
        assertThat(applied.exitCode()).as(applied.all()).isZero();
    }

    @Test
    void checkShowsEachContractAndRetirement() throws Exception {
        Path files = dir.resolve("files");
        Files.createDirectories(files);
        Files.writeString(files.resolve("V8__retire.sql"), "-- opta-migrate:retire orders.legacy\n"
                + "ALTER TABLE orders ADD COLUMN status text;\n");
        Files.writeString(files.resolve("V9__drop.sql"), "ALTER TABLE orders DROP COLUMN legacy;\n");

        Cli.Result text = Cli.run(dir, "check", files.toString());
        Cli.Result json = Cli.run(dir, "check", files.toString(), "--output", "json");

        assertThat(text.out()).containsPattern("retires   \\S*V8__retire.sql: orders.legacy\n")
                .containsPattern("contract  \\S*V9__drop.sql: orders.legacy\n")
                .contains("Phases: 1 expand, 1 contract;");
        assertThat(JSON.readTree(json.out()).get("phases")).extracting(node -> node.get("phase").asText())
                .containsExactly("expand", "contract");
    }
}
