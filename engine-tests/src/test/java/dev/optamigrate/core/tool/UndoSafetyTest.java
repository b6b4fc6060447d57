package dev.optamigrate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.analysis.SafetyMode;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.UndoRequest;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An undo that would reach a migration the tool cannot revert is refused before anything changes; one that fails
 * part-way says how far it got, and the journal agrees with the database; refused runs are journaled.
 */
class UndoSafetyTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void aLiquibaseChangesetWithoutRollbackIsNamedBeforeAnythingIsReverted(TestDatabase db) throws Exception {
        Path changelog = Files.writeString(dir.resolve("changelog.sql"), """
                --liquibase formatted sql

                --changeset acme:1
                CREATE TABLE one (id int);
                --rollback DROP TABLE one;

                --changeset acme:2
                CREATE TABLE two (id int);

                --changeset acme:3
                CREATE TABLE three (id int);
                --rollback DROP TABLE three;
                """);
        migrator(db, "liquibase", changelog).migrate();

        MigrateException refused = catchThrowableOfType(MigrateException.class,
                () -> migrator(db, "liquibase", changelog).undo(UndoRequest.steps(2)));

        assertThat(refused.code()).isEqualTo(CoreErrorCode.UNSUPPORTED);
        assertThat(refused.getMessage()).contains("changelog.sql::2::acme", "has no rollback", "Nothing was reverted");
        assertThat(db.hasTable("three")).as("the newer changeset was not reverted either").isTrue();
        assertThat(journal(db)).containsExactly("migrate SUCCEEDED 3 applied 3", "undo REFUSED 3 applied 0");

        assertThat(migrator(db, "liquibase", changelog).undo(UndoRequest.steps(1)).applied()).hasSize(1);
        assertThat(db.hasTable("three")).isFalse();
    }

    @Test
    void aMyBatisScriptWithoutAnUndoPartIsNamed(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("mybatis", dir);
        Files.writeString(location.resolve("scripts/20250101000009_no_undo.sql"),
                "-- // no undo\nCREATE TABLE kept (id int);\n-- //@UNDO\n-- nothing here\n");
        migrator(db, "mybatis", location).migrate();

        MigrateException refused = catchThrowableOfType(MigrateException.class,
                () -> migrator(db, "mybatis", location).undo(UndoRequest.steps(1)));

        assertThat(refused.code()).isEqualTo(CoreErrorCode.UNSUPPORTED);
        assertThat(refused.getMessage()).contains("20250101000009_no_undo.sql", "has no undo part");
        assertThat(db.column("SELECT count(*) FROM changelog")).containsExactly("6");
    }

    @Test
    void anUndoThatFailsPartWaySaysHowFarItGot(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("mybatis", dir);
        Files.writeString(location.resolve("scripts/20250101000008_first.sql"),
                "-- // first\nCREATE TABLE first_t (id int);\n-- //@UNDO\nDROP TABLE no_such_table;\n");
        Files.writeString(location.resolve("scripts/20250101000009_second.sql"),
                "-- // second\nCREATE TABLE second_t (id int);\n-- //@UNDO\nDROP TABLE second_t;\n");
        migrator(db, "mybatis", location).migrate();

        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> migrator(db, "mybatis", location).undo(UndoRequest.steps(3)));

        assertThat(failure.getMessage()).contains("Reverted 1 of 3 before the failure",
                "now at version 20250101000008", "no_such_table");
        assertThat(db.hasTable("second_t")).isFalse();
        assertThat(journal(db)).last().isEqualTo("undo FAILED 20250101000008 applied 1");
    }

    @Test
    void aRunTheSafetyGateRefusesIsJournaled(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1__index.sql"), "CREATE TABLE t (id int);");
        Files.writeString(dir.resolve("V2__index.sql"), "CREATE INDEX t_id ON t (id);");
        Migrator.configure().target(db.target()).tool("flyway").location(dir.toString()).load().migrate();
        Files.writeString(dir.resolve("V3__index.sql"), "CREATE INDEX t_id2 ON t (id);");

        MigrateException refused = catchThrowableOfType(MigrateException.class, () -> Migrator.configure()
                .target(db.target()).tool("flyway").location(dir.toString()).safety(SafetyMode.BLOCK).load()
                .migrate());

        assertThat(refused.code()).isEqualTo(CoreErrorCode.UNSAFE_MIGRATION);
        assertThat(journal(db)).containsExactly("migrate SUCCEEDED 2 applied 2", "migrate REFUSED 2 applied 0");
        assertThat(db.column("SELECT error FROM opta_migrate.opta_migrate_journal WHERE status = 'REFUSED'"))
                .singleElement().asString().contains("safety is block");
    }

    private static java.util.List<String> journal(TestDatabase db) throws Exception {
        return db.column("SELECT action || ' ' || status || ' ' || coalesce(to_version, '-') || ' applied ' || applied "
                + "FROM opta_migrate.opta_migrate_journal ORDER BY id");
    }

    private static Migrator migrator(TestDatabase db, String tool, Path location) {
        return Migrator.configure().target(db.target()).tool(tool).location(location.toString()).load();
    }
}
