package dev.optamigrate.core.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.analysis.PendingScripts;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import dev.optamigrate.core.testing.TestImages;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The rehearsal on another major version than the embedded server's: a PostgreSQL container (15 in CI, built from
 * Debian's packages and named in {@code OPTA_MIGRATE_TEST_POSTGRES_IMAGE}) holds the target and the shadow. It
 * needs a Docker engine and skips itself where none answers.
 */
@Testcontainers(disabledWithoutDocker = true)
class OtherMajorVersionTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.container(TestImages.postgres());

    @TempDir
    Path dir;

    @Test
    void aRewriteIsMeasuredOnTheTargetsMajorVersion(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        RehearsalTest.migrator(db.target(), location).migrate();
        MigrationSets.append("flyway", location, "retype", "ALTER TABLE orders ALTER COLUMN total TYPE "
                + "numeric(14,3);");

        RehearsalReport report = RehearsalTest.rehearse(db, location);

        try (Connection connection = db.connect()) {
            assertThat(PendingScripts.serverMajorVersion(connection)).isNotEqualTo(17);
            assertThat(report.findings().pgVersion()).isEqualTo(PendingScripts.serverMajorVersion(connection));
        }
        assertThat(RehearsalTest.lock(report.measurements().get(0), "public.orders")).satisfies(lock ->
                assertThat(lock.rewritten()).isTrue());
    }
}
