package dev.optamigrate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.ToolOptions;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration sets laid out as real projects lay them out, which need what the project's build would give the
 * tool: Liquibase includes from the classpath root, a custom change class, contexts and labels; Flyway
 * placeholders and Java migrations in the project's jar; a MyBatis environment other than development.
 */
class ProjectLayoutsTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final String CUSTOM_CHANGE = """
            package com.acme.db;

            import liquibase.change.custom.CustomSqlChange;
            import liquibase.database.Database;
            import liquibase.exception.ValidationErrors;
            import liquibase.resource.ResourceAccessor;
            import liquibase.statement.SqlStatement;
            import liquibase.statement.core.RawSqlStatement;

            public class SeedCountries implements CustomSqlChange {
                public SqlStatement[] generateStatements(Database database) {
                    return new SqlStatement[] {new RawSqlStatement(
                            "INSERT INTO countries (code) VALUES ('NL'), ('DE')")};
                }
                public String getConfirmationMessage() { return "countries seeded"; }
                public void setUp() { }
                public void setFileOpener(ResourceAccessor accessor) { }
                public ValidationErrors validate(Database database) { return new ValidationErrors(); }
            }
            """;

    private static final String JAVA_MIGRATION = """
            package db.migration;

            import org.flywaydb.core.api.migration.BaseJavaMigration;
            import org.flywaydb.core.api.migration.Context;

            public class V2__Seed_plans extends BaseJavaMigration {
                public void migrate(Context context) throws Exception {
                    try (var statement = context.getConnection().createStatement()) {
                        statement.execute("INSERT INTO plans (name) VALUES ('free'), ('pro')");
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void liquibaseIncludesFromTheClasspathRootResolveByDefault(TestDatabase db) throws Exception {
        Path resources = dir.resolve("src/main/resources");
        Path master = write(resources.resolve("db/changelog/db.changelog-master.yaml"),
                "databaseChangeLog:\n  - include:\n      file: db/changelog/v1/schema.yaml\n");
        write(resources.resolve("db/changelog/v1/schema.yaml"), countriesChangeSet());

        Migrator.configure().target(db.target()).tool("liquibase").location(master.toString()).load().migrate();

        assertThat(db.hasTable("countries")).isTrue();
        assertThat(db.column("SELECT filename FROM databasechangelog")).containsExactly("db/changelog/v1/schema.yaml");
    }

    @Test
    void anExplicitSearchPathResolvesIncludesFromElsewhere(TestDatabase db) throws Exception {
        Path master = write(dir.resolve("changelog/master.yaml"),
                "databaseChangeLog:\n  - include:\n      file: shared/schema.yaml\n");
        write(dir.resolve("common/shared/schema.yaml"), countriesChangeSet());
        ToolOptions options = options(List.of(), List.of(dir.resolve("common")), null, Map.of());

        migrator(db, "liquibase", master, options).migrate();

        assertThat(db.hasTable("countries")).isTrue();
    }

    @Test
    void aCustomChangeNeedsTheProjectClassesAndSaysSo(TestDatabase db) throws Exception {
        Path classes = compile(dir.resolve("classes"), "com/acme/db/SeedCountries.java", CUSTOM_CHANGE);
        Path master = write(dir.resolve("db/changelog.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                  <changeSet id="1" author="acme">
                    <createTable tableName="countries"><column name="code" type="varchar(2)"/></createTable>
                  </changeSet>
                  <changeSet id="2" author="acme" context="dev" labels="seed">
                    <customChange class="com.acme.db.SeedCountries"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        MigrateException missing = catchThrowableOfType(MigrateException.class,
                () -> migrator(db, "liquibase", master, ToolOptions.DEFAULTS).migrate());
        assertThat(missing.code()).isEqualTo(CoreErrorCode.INVALID_MIGRATIONS);
        assertThat(missing.getMessage()).contains("com.acme.db.SeedCountries", "not on the classpath");
        assertThat(missing.hint()).contains("--classpath");
        assertThat(db.hasTable("countries")).isFalse();

        ToolOptions prod = options(List.of(classes), List.of(), "prod", Map.of());
        assertThat(migrator(db, "liquibase", master, prod).migrate().applied()).hasSize(1);
        assertThat(migrator(db, "liquibase", master, prod).status().pending()).as("dev-only changeset").isEmpty();

        ToolOptions dev = options(List.of(classes), List.of(), "dev", Map.of());
        assertThat(migrator(db, "liquibase", master, dev).status().pending()).hasSize(1);
        migrator(db, "liquibase", master, dev).migrate();
        assertThat(db.column("SELECT code FROM countries ORDER BY code")).containsExactly("DE", "NL");
    }

    @Test
    void labelsSelectChangesets(TestDatabase db) throws Exception {
        Path master = write(dir.resolve("changelog.sql"), """
                --liquibase formatted sql

                --changeset acme:1 labels:core
                CREATE TABLE core_table (id int);

                --changeset acme:2 labels:reporting
                CREATE TABLE reporting_table (id int);
                """);
        ToolOptions core = new ToolOptions(List.of(), List.of(), null, "core", Map.of(), "development");

        assertThat(migrator(db, "liquibase", master, core).status().pending()).hasSize(1);
        migrator(db, "liquibase", master, core).migrate();

        assertThat(db.hasTable("core_table")).isTrue();
        assertThat(db.hasTable("reporting_table")).isFalse();
    }

    @Test
    void flywayPlaceholdersAndJavaMigrationsFromTheProjectJar(TestDatabase db) throws Exception {
        Path classes = compile(dir.resolve("build"), "db/migration/V2__Seed_plans.java", JAVA_MIGRATION);
        write(classes.resolve("db/migration/V1__Create_plans.sql"),
                "CREATE TABLE ${table} (name text NOT NULL);");
        Path jar = jar(classes, dir.resolve("app.jar"));
        ToolOptions options = options(List.of(jar), List.of(), null, Map.of("table", "plans"));

        migrator(db, "flyway", "classpath:db/migration", options).migrate();

        assertThat(db.column("SELECT name FROM plans ORDER BY name")).containsExactly("free", "pro");
        assertThat(db.column("SELECT script FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("V1__Create_plans.sql", "db.migration.V2__Seed_plans");
    }

    @Test
    void aNamedMyBatisEnvironmentIsRead(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("mybatis", dir.resolve("mybatis"));
        write(location.resolve("environments/production.properties"), "changelog=PROD_CHANGELOG\n");

        migrator(db, "mybatis", location, options(List.of(), List.of(), null, Map.of(), "production")).migrate();

        assertThat(db.column("SELECT count(*) FROM prod_changelog")).containsExactly("5");
        MigrateException unknown = catchThrowableOfType(MigrateException.class, () -> migrator(db, "mybatis",
                location, options(List.of(), List.of(), null, Map.of(), "staging")).status());
        assertThat(unknown.getMessage()).contains("'staging'", "environments/staging.properties");
    }

    @Test
    void aChangelogNotNamedByTheConventionIsShownWithTheFix(TestDatabase db) throws Exception {
        write(dir.resolve("db/main.yaml"), countriesChangeSet());
        write(dir.resolve("db/seed.xml"), "<databaseChangeLog/>");

        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> migrator(db, "liquibase", dir.resolve("db"), ToolOptions.DEFAULTS).status());

        assertThat(failure.getMessage()).contains("no master changelog named by the convention", "main.yaml, seed.xml");
        assertThat(failure.hint()).contains("--location " + dir.resolve("db/main.yaml"));
    }

    private static String countriesChangeSet() {
        return "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: acme\n      changes:\n"
                + "        - createTable:\n            tableName: countries\n            columns:\n"
                + "              - column: {name: code, type: varchar(2)}\n";
    }

    private static ToolOptions options(List<Path> classpath, List<Path> searchPath, String contexts,
            Map<String, String> placeholders) {
        return options(classpath, searchPath, contexts, placeholders, "development");
    }

    private static ToolOptions options(List<Path> classpath, List<Path> searchPath, String contexts,
            Map<String, String> placeholders, String environment) {
        return new ToolOptions(classpath, searchPath, contexts, null, placeholders, environment);
    }

    private static Migrator migrator(TestDatabase db, String tool, Object location, ToolOptions options) {
        return Migrator.configure().target(db.target()).tool(tool).location(location.toString())
                .toolOptions(options).load();
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** Compiles one source file against this test's classpath (which has Liquibase and Flyway). */
    private Path compile(Path output, String relativePath, String source) throws IOException {
        Path file = write(dir.resolve("src").resolve(relativePath), source);
        Files.createDirectories(output);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-classpath",
                System.getProperty("java.class.path"), "-d", output.toString(), file.toString());
        assertThat(status).as("javac").isZero();
        return output;
    }

    /** A jar of the directory, with its directory entries, as build tools write them. */
    private static Path jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files =
                Files.walk(classes)) {
            for (Path path : files.filter(path -> !path.equals(classes)).sorted().toList()) {
                String name = classes.relativize(path).toString().replace('\\', '/');
                boolean directory = Files.isDirectory(path);
                out.putNextEntry(new JarEntry(directory ? name + "/" : name));
                if (!directory) {
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
