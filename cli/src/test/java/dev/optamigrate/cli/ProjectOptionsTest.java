package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The tools' own project options reach the tools from flags, variables and the config file. */
class ProjectOptionsTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void contextsAndLabelsFromFlagsAndTheEnvironment(TestDatabase db) throws Exception {
        Path changelog = Files.writeString(dir.resolve("changelog.sql"), """
                --liquibase formatted sql

                --changeset acme:1 context:prod
                CREATE TABLE prod_only (id int);

                --changeset acme:2 context:test labels:fixtures
                CREATE TABLE test_fixtures (id int);
                """);

        Cli.Result prod = Cli.run(dir, "migrate", "--url", db.url(), "--location", changelog.toString(),
                "--contexts", "prod");
        assertThat(prod.exitCode()).as(prod.all()).isZero();
        assertThat(db.hasTable("prod_only")).isTrue();
        assertThat(db.hasTable("test_fixtures")).isFalse();

        Cli.Result status = Cli.run(Map.of("OPTA_MIGRATE_CONTEXTS", "test", "OPTA_MIGRATE_LABELS", "fixtures"), dir,
                "status", "--url", db.url(), "--location", changelog.toString());
        assertThat(status.out()).contains("Pending (1)", "2");
    }

    @Test
    void placeholdersFromTheConfigFile(TestDatabase db) throws Exception {
        Path location = Files.createDirectories(dir.resolve("sql"));
        Files.writeString(location.resolve("V1__create.sql"), "CREATE TABLE ${table} (id int);");
        Files.writeString(dir.resolve("opta-migrate.yaml"), "placeholders: table=from_config\n");

        Cli.Result result = Cli.run(dir, "migrate", "--url", db.url(), "--location", location.toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(db.hasTable("from_config")).isTrue();
        assertThat(result.out()).as("the safety check says it ran").containsPattern(
                "Safety check of 1 pending migration for PostgreSQL \\d+: no findings\\.");
    }

    @Test
    void badProjectOptionsAreConfigurationErrors(TestDatabase db) {
        Cli.Result placeholders = Cli.run(dir, "status", "--url", db.url(), "--placeholders", "novalue");
        assertThat(placeholders.exitCode()).isEqualTo(2);
        assertThat(placeholders.err()).contains("'novalue' is not key=value");

        Cli.Result environment = Cli.run(dir, "status", "--url", db.url(), "--mybatis-environment", "../etc");
        assertThat(environment.exitCode()).isEqualTo(2);
        assertThat(environment.err()).contains("mybatis-environment", "must be a name");

        Cli.Result classpath = Cli.run(dir, "status", "--url", db.url(), "--tool", "flyway", "--location",
                "classpath:db/migration", "--classpath", dir.resolve("missing.jar").toString());
        assertThat(classpath.exitCode()).isEqualTo(2);
        assertThat(classpath.err()).contains("missing.jar", "neither a directory nor a .jar file");
    }
}
