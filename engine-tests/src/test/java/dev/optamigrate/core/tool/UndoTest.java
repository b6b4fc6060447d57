package dev.optamigrate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.AppliedMigration;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.spi.UndoRequest;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class UndoTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void liquibaseRollsBackByCount(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("liquibase", dir);
        migrator(db, location).migrate();

        MigrateResult result = migrator(db, location).undo(UndoRequest.steps(2));

        assertThat(result.applied()).extracting(AppliedMigration::version).containsExactly("4", "3");
        assertThat(result.to()).isEqualTo("2");
        assertThat(db.column("SELECT indexname FROM pg_indexes WHERE indexname = 'orders_customer_placed_idx'"))
                .isEmpty();
        assertThat(db.column("SELECT action FROM opta_migrate.opta_migrate_journal ORDER BY id"))
                .containsExactly("migrate", "undo");
    }

    @Test
    void liquibaseXmlChangelogRollsBackToATag(TestDatabase db) throws Exception {
        Path changelog = Files.writeString(dir.resolve("changelog.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                  <changeSet id="1" author="t">
                    <createTable tableName="accounts"><column name="id" type="bigint"/></createTable>
                  </changeSet>
                  <changeSet id="2" author="t"><tagDatabase tag="v1"/></changeSet>
                  <changeSet id="3" author="t">
                    <addColumn tableName="accounts"><column name="note" type="text"/></addColumn>
                  </changeSet>
                  <changeSet id="4" author="t">
                    <createTable tableName="audit"><column name="id" type="bigint"/></createTable>
                  </changeSet>
                </databaseChangeLog>
                """);
        migrator(db, changelog).migrate();

        MigrateResult result = migrator(db, changelog).undo(UndoRequest.toTag("v1"));

        // Liquibase reverts what ran after the tag, and the tagDatabase changeset itself.
        assertThat(result.applied()).extracting(AppliedMigration::version).containsExactly("4", "3", "2");
        assertThat(db.hasTable("audit")).isFalse();
        assertThat(db.hasTable("accounts")).isTrue();
        assertThat(db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts'"))
                .containsExactly("id");
    }

    @Test
    void myBatisRunsTheUndoSectionOfTheLastScripts(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("mybatis", dir);
        migrator(db, location).migrate();

        MigrateResult result = migrator(db, location).undo(UndoRequest.steps(1));

        assertThat(result.applied()).extracting(AppliedMigration::version).containsExactly("20250101000004");
        assertThat(db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'customers'"))
                .doesNotContain("phone");
        assertThat(migrator(db, location).status().pending()).hasSize(1);
    }

    @Test
    void myBatisHasNoTags(TestDatabase db) {
        Path location = MigrationSets.copy("mybatis", dir);
        migrator(db, location).migrate();
        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> migrator(db, location).undo(UndoRequest.toTag("v1")));
        assertThat(failure.code()).isEqualTo(CoreErrorCode.UNSUPPORTED);
        assertThat(failure.hint()).contains("--steps");
    }

    @Test
    void flywaySaysItHasNoUndoAndChangesNothing(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("flyway", dir);
        migrator(db, location).migrate();

        MigrateException failure = catchThrowableOfType(MigrateException.class,
                () -> migrator(db, location).undo(UndoRequest.steps(1)));

        assertThat(failure.code()).isEqualTo(CoreErrorCode.UNSUPPORTED);
        assertThat(failure.getMessage()).contains("open-source edition has no undo");
        assertThat(failure.hint()).contains("forward migration");
        assertThat(db.column("SELECT count(*) FROM opta_migrate.opta_migrate_journal")).containsExactly("1");
    }

    private static Migrator migrator(TestDatabase db, Path location) {
        return Migrator.configure().target(db.target()).location(location.toString()).load();
    }
}
