package dev.optamigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through a real PgBouncer: session mode migrates, with every session setting in force; transaction mode is
 * refused before anything is applied, since the migration lock would not hold there. Skipped where PgBouncer is
 * not installed; {@code .ci/run} installs it and fails if this test was skipped.
 */
class PgBouncerTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path directory;

    @BeforeAll
    static void pgBouncerIsInstalled() {
        assumeTrue(PgBouncerProcess.binary().isPresent(), "PgBouncer is not installed (Debian package pgbouncer)");
    }

    @Test
    void sessionModeMigrates(TestDatabase db) throws Exception {
        try (PgBouncerProcess bouncer = PgBouncerProcess.start(db)) {
            MigrateResult result = migrator(bouncer.target("session"), MigrationSets.copy("flyway", directory))
                    .migrate();

            assertThat(result.applied()).hasSize(MigrationSets.exampleCount("flyway"));
            assertThat(db.hasTable("orders")).isTrue();
        }
    }

    @Test
    void transactionModeIsRefusedBeforeAnythingIsApplied(TestDatabase db) throws Exception {
        try (PgBouncerProcess bouncer = PgBouncerProcess.start(db)) {
            Migrator migrator = migrator(bouncer.target("transaction"), MigrationSets.copy("flyway", directory));

            MigrateException refusal = catchThrowableOfType(MigrateException.class, migrator::migrate);

            assertThat(refusal.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
            assertThat(refusal.getMessage()).contains("pooler", "transaction", "Nothing was applied");
            assertThat(refusal.hint()).contains("session mode");
            assertThat(db.hasTable("orders")).isFalse();
        }
    }

    @Test
    void aStartupParameterThePoolerRefusesIsNamedWithItsFix(TestDatabase db) throws Exception {
        try (PgBouncerProcess bouncer = PgBouncerProcess.start(db)) {
            Target session = bouncer.target("session");
            Target withOptions = new Target(session.host(), session.port(), session.database(), session.user(),
                    session.password(), session.sslMode(), session.connectTimeout(), session.socketTimeout(),
                    Map.of("options", "-c work_mem=64MB"));
            Migrator migrator = migrator(withOptions, MigrationSets.copy("flyway", directory));

            MigrateException failure = catchThrowableOfType(MigrateException.class, migrator::migrate);

            assertThat(failure.code()).isEqualTo(CoreErrorCode.CANNOT_CONNECT);
            assertThat(failure.getMessage()).contains("pooler", "refused the startup parameter 'options'");
            assertThat(failure.hint()).contains("ignore_startup_parameters").doesNotContain("VPN");
        }
    }

    private static Migrator migrator(Target target, Path location) {
        return Migrator.configure().target(target).location(location.toString()).load();
    }
}
