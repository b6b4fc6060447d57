package dev.optamigrate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.UndoRequest;
import dev.optamigrate.core.spi.ValidationResult;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations that cannot be read or run as written get {@link ErrorCode#INVALID_MIGRATIONS} (or a configuration
 * error), say that nothing was changed, and indeed change nothing; failures that do leave something behind say so.
 */
class InvalidMigrationsTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void duplicateFlywayVersionsChangeNothing(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int);");
        Files.writeString(dir.resolve("V1__b.sql"), "CREATE TABLE b (id int);");

        MigrateException failure = refusal(() -> migrator(db, dir, "flyway").migrate());

        assertThat(failure.code()).isEqualTo(CoreErrorCode.INVALID_MIGRATIONS);
        assertThat(failure.getMessage()).contains("more than one migration with version 1", "Nothing was changed");
        assertThat(db.hasTable("a")).isFalse();
        assertThat(db.hasTable("b")).isFalse();
    }

    @Test
    void aFlywayFileThatIsNotTextIsAnInputError(TestDatabase db) throws Exception {
        Files.write(dir.resolve("V1__binary.sql"), new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe});

        assertThat(refusal(() -> migrator(db, dir, "flyway").status()).code())
                .isEqualTo(CoreErrorCode.INVALID_MIGRATIONS);
    }

    @Test
    void aMissingLiquibaseIncludeIsAnInputErrorEvenForStatus(TestDatabase db) throws Exception {
        Path master = Files.writeString(dir.resolve("db.changelog-master.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                  <include file="changes/missing.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);

        MigrateException failure = refusal(() -> migrator(db, master, "liquibase").status());

        assertThat(failure.code()).isEqualTo(CoreErrorCode.INVALID_MIGRATIONS);
        assertThat(failure.getMessage()).contains("cannot read the changelog", "changes/missing.xml",
                "Nothing was changed").doesNotContain("searchPath");
        assertThat(refusal(() -> migrator(db, master, "liquibase").validate()).code())
                .isEqualTo(CoreErrorCode.INVALID_MIGRATIONS);
    }

    @Test
    void malformedLiquibaseXmlIsAnInputError(TestDatabase db) throws Exception {
        Path master = Files.writeString(dir.resolve("db.changelog-master.xml"),
                "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"><broken</databaseChangeLog>");

        assertThat(refusal(() -> migrator(db, master, "liquibase").migrate()).code())
                .isEqualTo(CoreErrorCode.INVALID_MIGRATIONS);
    }

    @Test
    void undoToAnUnknownTagRevertsNothing(TestDatabase db) {
        Path location = MigrationSets.copy("liquibase", dir);
        migrator(db, location, "liquibase").migrate();

        MigrateException failure = refusal(() -> migrator(db, location, "liquibase")
                .undo(UndoRequest.toTag("no-such-tag")));

        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).contains("No tag 'no-such-tag'", "Nothing was reverted");
        assertThat(migrator(db, location, "liquibase").status().current()).isEqualTo("4");
    }

    @Test
    void undoOfMoreStepsThanAppliedSaysHowManyThereAre(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("mybatis", dir);
        migrator(db, location, "mybatis").migrate();

        MigrateException failure = refusal(() -> migrator(db, location, "mybatis").undo(UndoRequest.steps(99)));

        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).contains("revert 99", "only 5 are applied", "Nothing was changed");
        assertThat(failure.hint()).contains("--all");
        assertThat(db.hasTable("changelog")).isTrue();

        migrator(db, location, "mybatis").undo(UndoRequest.everything());
        assertThat(db.hasTable("changelog")).as("--all reverts the changelog script too").isFalse();
        assertThat(db.hasTable("customers")).isFalse();
    }

    @Test
    void validateReportsTheNewestAppliedFileMissing(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("flyway", dir);
        migrator(db, location, "flyway").migrate();
        try (var files = Files.list(location)) {
            Path newest = files.filter(file -> file.getFileName().toString().startsWith("V4__")).findFirst()
                    .orElseThrow();
            Files.delete(newest);
        }

        ValidationResult result = migrator(db, location, "flyway").validate();

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).anySatisfy(problem -> assertThat(problem).contains("Migration 4",
                "is not in the location"));
    }

    @Test
    void aChangedFlywayFileIsReportedWithoutAdvisingAVerbWeLack(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int);");
        migrator(db, dir, "flyway").migrate();
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int, note text);");

        ValidationResult result = migrator(db, dir, "flyway").validate();

        assertThat(result.problems()).singleElement().satisfies(problem -> assertThat(problem)
                .contains("checksum mismatch").doesNotContain("run repair"));
    }

    @Test
    void aTransactionalMigrationThatCommitsItselfIsRefusedBeforeAnythingRuns(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1__commits.sql"), "CREATE TABLE a (id int);\nCOMMIT;\n"
                + "CREATE TABLE b (id int);\nSELECT no_such_function();\n");

        MigrateException failure = refusal(() -> migrator(db, dir, "flyway").migrate());

        assertThat(failure.code()).isEqualTo(CoreErrorCode.INVALID_MIGRATIONS);
        assertThat(failure.getMessage()).contains("V1__commits.sql:3", "nothing was applied");
        assertThat(db.hasTable("a")).isFalse();
    }

    @Test
    void aNonTransactionalFailureSaysWhatStays(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1__commits.sql"), "CREATE TABLE a (id int);\nCOMMIT;\n"
                + "SELECT no_such_function();\n");
        Files.writeString(dir.resolve("V1__commits.sql.conf"), "executeInTransaction=false\n");

        MigrateException failure = refusal(() -> migrator(db, dir, "flyway").migrate());

        assertThat(failure.code()).isEqualTo(CoreErrorCode.MIGRATION_FAILED);
        assertThat(failure.getMessage()).contains("no_such_function", "ran outside a transaction",
                "stay applied");
        assertThat(db.hasTable("a")).as("what the message says stays").isTrue();
        assertThat(db.column("SELECT error FROM opta_migrate.opta_migrate_journal")).singleElement()
                .asString().contains("ran outside a transaction");
    }

    @Test
    void aLiquibaseChangesetMarkedOutsideATransactionMayCommit(TestDatabase db) throws Exception {
        Path master = Files.writeString(dir.resolve("changelog.sql"), """
                --liquibase formatted sql

                --changeset t:1 runInTransaction:false
                CREATE TABLE a (id int);
                COMMIT;
                CREATE TABLE b (id int);

                --changeset t:2
                CREATE TABLE c (id int);
                COMMIT;
                CREATE TABLE d (id int);
                """);

        MigrateException failure = refusal(() -> migrator(db, master, "liquibase").migrate());

        assertThat(failure.code()).isEqualTo(CoreErrorCode.INVALID_MIGRATIONS);
        assertThat(failure.getMessage()).as("only changeset 2, which runs in a transaction")
                .containsOnlyOnce("changelog.sql:");
        assertThat(db.hasTable("a")).isFalse();
    }

    private static MigrateException refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(MigrateException.class, call);
    }

    private static Migrator migrator(TestDatabase db, Path location, String tool) {
        return Migrator.configure().target(db.target()).tool(tool).location(location.toString()).load();
    }
}
