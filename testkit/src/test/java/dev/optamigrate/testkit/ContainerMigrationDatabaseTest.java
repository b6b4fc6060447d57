package dev.optamigrate.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.TestImages;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The test kit on a container of a chosen PostgreSQL version (15 in CI, built from Debian's packages and named in
 * {@code OPTA_MIGRATE_TEST_POSTGRES_IMAGE}). It needs a Docker engine and skips itself where none answers.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerMigrationDatabaseTest {
    @RegisterExtension
    static final MigrationDatabase POSTGRES = MigrationDatabase.container(TestImages.postgres());

    @TempDir
    Path dir;

    @Test
    void aSetIsCheckedAppliedAndRehearsedOnTheChosenVersion() {
        Path location = MigrationSets.copy("liquibase", dir);
        POSTGRES.migrations(location.toString()).accepting("index-not-concurrent").areSafe().passTheRehearsal();

        MigrationSets.append("liquibase", location, "widen email", "ALTER TABLE customers ALTER COLUMN email TYPE "
                + "varchar(500);");
        assertThatThrownBy(() -> POSTGRES.migrations(location.toString()).accepting("index-not-concurrent")
                .passTheSafetyCheck()).hasMessageContaining("rewrite-column-type (error)");
    }
}
