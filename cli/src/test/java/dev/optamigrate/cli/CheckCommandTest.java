package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckCommandTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void styleRulesRunOnlyWithRulesStyleAndFailLikeAnyWarning() throws Exception {
        Files.writeString(dir.resolve("V7__visits.sql"), "CREATE TABLE visits (id serial PRIMARY KEY, "
                + "seen timestamp, agent text);\n");

        Cli.Result plain = Cli.run(dir, "check", "V7__visits.sql", "--fail-on", "warning");
        Cli.Result styled = Cli.run(dir, "check", "V7__visits.sql", "--rules", "style", "--fail-on", "warning");
        Cli.Result unknown = Cli.run(dir, "check", "V7__visits.sql", "--rules", "pedantic");

        assertThat(plain.exitCode()).as(plain.all()).isZero();
        assertThat(styled.exitCode()).as(styled.all()).isEqualTo(21);
        assertThat(styled.out()).contains("V7__visits.sql:1: warning prefer-bigint", "visits.id is serial",
                "warning prefer-identity", "warning prefer-timestamptz", "visits.seen is timestamp")
                .doesNotContain("visits.agent");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--rules", "style");
    }

    @Test
    void checksFilesWithoutADatabaseAndFailsOnErrors() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__create.sql"), "CREATE TABLE t (id int);\n"
                + "CREATE INDEX t_id ON t (id);\n");
        Files.writeString(migrations.resolve("V2__index.sql"), "SET lock_timeout = '3s';\n"
                + "CREATE INDEX t_id2 ON t (id);\n");
        Files.writeString(migrations.resolve("V3__drop.sql"), "SET lock_timeout = '3s';\n"
                + "-- opta-migrate:allow breaking-drop-column nothing reads it since v12\n"
                + "ALTER TABLE t DROP COLUMN legacy;\n");

        Cli.Result text = Cli.run(dir, "check", "db/migration/V2__index.sql", "db/migration/V3__drop.sql");
        assertThat(text.exitCode()).as(text.all()).isEqualTo(21);
        assertThat(text.out()).contains("db/migration/V2__index.sql:2: error index-not-concurrent",
                "CREATE INDEX t_id2 ON t (id)", "fix: CREATE INDEX CONCURRENTLY",
                "db/migration/V3__drop.sql:3: breaking-drop-column - nothing reads it since v12",
                "Checked 2 migrations for PostgreSQL 15: 1 error(s), 0 warning(s), 0 info, 1 accepted. FAILED");
        assertThat(text.err()).contains("hint: Read each finding's fix");

        Cli.Result freshInstall = Cli.run(dir, "check", "db/migration");
        assertThat(freshInstall.exitCode()).as("the whole set is one history, as on a fresh install: t is new")
                .isZero();
        assertThat(freshInstall.out()).contains("Checked 3 migrations for PostgreSQL 15: 0 error(s)");

        Cli.Result json = Cli.run(dir, "check", "db/migration/V2__index.sql", "--output", "json");
        assertThat(json.exitCode()).isEqualTo(21);
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.get("failed").asBoolean()).isTrue();
        JsonNode finding = report.get("findings").get(0);
        assertThat(finding.get("rule").asText()).isEqualTo("index-not-concurrent");
        assertThat(finding.get("severity").asText()).isEqualTo("error");
        assertThat(finding.get("file").asText()).isEqualTo("db/migration/V2__index.sql");
        assertThat(finding.get("line").asInt()).isEqualTo(2);
        assertThat(finding.get("statement").asText()).isEqualTo("CREATE INDEX t_id2 ON t (id)");
        assertThat(finding.get("message").asText()).contains("SHARE");
        assertThat(finding.get("fix").asText()).contains("CONCURRENTLY");
    }

    @Test
    void failOnAndPgVersionDecideWhatFails() throws Exception {
        Files.writeString(dir.resolve("add.sql"), "SET lock_timeout = '3s';\n"
                + "ALTER TABLE t ADD COLUMN c text NOT NULL DEFAULT 'x';\nALTER TABLE t RENAME COLUMN a TO b;\n");

        assertThat(Cli.run(dir, "check", "add.sql").exitCode()).isZero();
        Cli.Result warnings = Cli.run(dir, "check", "add.sql", "--fail-on", "warning");
        assertThat(warnings.exitCode()).isEqualTo(21);
        assertThat(warnings.out()).contains("breaking-rename-column");
        Cli.Result old = Cli.run(dir, "check", "add.sql", "--pg-version", "10", "--output", "json");
        assertThat(old.exitCode()).isEqualTo(21);
        assertThat(JSON.readTree(old.out()).get("findings").get(0).get("rule").asText())
                .isEqualTo("rewrite-column-default");
        assertThat(Cli.run(dir, "check", "add.sql", "--fail-on", "fatal").err()).contains("'fatal' is not a severity");
    }

    @Test
    void sarifNamesEveryRuleAndLocatesEachResult() throws Exception {
        Files.writeString(dir.resolve("V9__x.sql"), "SET lock_timeout = '3s';\n\nVACUUM FULL orders;\n");

        Cli.Result sarif = Cli.run(dir, "check", "V9__x.sql", "--output", "sarif");

        assertThat(sarif.exitCode()).isEqualTo(21);
        JsonNode log = JSON.readTree(sarif.out());
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = log.get("runs").get(0);
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("opta-migrate");
        assertThat(run.at("/tool/driver/rules")).extracting(rule -> rule.get("id").asText())
                .contains("table-lock-maintenance", "lock-timeout-missing", "breaking-drop-table");
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("table-lock-maintenance");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("V9__x.sql");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
    }

    @Test
    void aMissingPathIsAConfigurationError() {
        Cli.Result result = Cli.run(dir, "check", "no/such/dir");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No such file or directory: no/such/dir", "hint:")
                .doesNotContain("Exception");

        Cli.Result nothing = Cli.run(dir, "check", "--location", dir.toString(), "--tool", "flyway");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("Nothing to check", "opta-migrate check db/migration");
    }

    @Test
    void migrateWithSafetyBlockRefusesAndWarnGoesOn(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        assertThat(Cli.run(dir, "migrate", "--url", db.url(), "--location", location.toString()).exitCode()).isZero();
        MigrationSets.append("flyway", location, "index", "CREATE INDEX orders_status_idx ON orders (status);");

        Cli.Result blocked = Cli.run(dir, "migrate", "--url", db.url(), "--location", location.toString(),
                "--safety", "block");
        assertThat(blocked.exitCode()).as(blocked.all()).isEqualTo(21);
        assertThat(blocked.out()).contains("Safety error index-not-concurrent at V5__index.sql:1", "fix: CREATE INDEX "
                + "CONCURRENTLY");
        assertThat(blocked.err()).contains("nothing was applied", "hint:");

        Cli.Result warned = Cli.run(Map.of("OPTA_MIGRATE_SAFETY", "warn"), dir, "migrate", "--url", db.url(),
                "--location", location.toString());
        assertThat(warned.exitCode()).isZero();
        assertThat(warned.out()).contains("Safety error index-not-concurrent", "to version 5");
        assertThat(Cli.run(dir, "migrate", "--url", db.url(), "--safety", "maybe").err())
                .contains("Unknown safety mode 'maybe'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"flyway", "liquibase", "mybatis"})
    void checksOnlyWhatIsPendingOnTheTargetForItsVersion(String tool, TestDatabase db) throws Exception {
        Path location = MigrationSets.copy(tool, dir.resolve("m"));
        assertThat(Cli.run(dir, "migrate", "--url", db.url(), "--location", location.toString()).exitCode()).isZero();
        MigrationSets.append(tool, location, "widen total", "ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,2);");

        Cli.Result result = Cli.run(dir, "check", "--url", db.url(), "--location", location.toString(), "--output",
                "json");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(21);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("pgVersion").asInt()).isGreaterThanOrEqualTo(12);
        assertThat(report.get("findings")).filteredOn(f -> !f.get("severity").asText().equals("info"))
                .extracting(f -> f.get("rule").asText()).containsExactly("rewrite-column-type");
    }
}
