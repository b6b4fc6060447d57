package dev.optamigrate.core.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.policy.MaintenanceWindows;
import dev.optamigrate.core.settings.Durations;
import dev.optamigrate.core.spi.PendingMigration;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Staging first, on two real databases: production runs only what succeeded on staging with the same checksum,
 * whether the proof is staging's journal or a receipt carried over as a file.
 */
class PromotionGateTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"flyway", "liquibase", "mybatis"})
    void whatSucceededOnStagingRunsOnProductionByItsJournalAndByAReceipt(String tool) throws Exception {
        TestDatabase staging = POSTGRES.newDatabase();
        TestDatabase production = POSTGRES.newDatabase();
        Path location = MigrationSets.copy(tool, dir);
        migrator(staging, location, "staging", null).load().migrate();

        migrator(production, location, "production", new PromotionOptions("production", "staging", staging.target(),
                null, null)).load().migrate();

        String next = MigrationSets.append(tool, location, "add vip", "ALTER TABLE customers ADD COLUMN vip boolean;");
        migrator(staging, location, "staging", null).load().migrate();
        Path receipt = dir.resolve("staging-receipt.json");
        Receipt.of(Optional.empty(), Migrator.applied(staging.target())).write(receipt);
        migrator(production, location, "production", new PromotionOptions("production", "staging", null, receipt,
                null)).load().migrate();

        assertThat(production.column("SELECT status FROM opta_migrate.opta_migrate_journal ORDER BY id"))
                .containsExactly("SUCCEEDED", "SUCCEEDED");
        assertThat(production.column("SELECT environment || ' ' || version FROM opta_migrate.opta_migrate_applied "
                + "ORDER BY id")).last().isEqualTo("production " + next);
        assertThat(Files.readString(receipt)).contains("\"environment\" : \"staging\"", "\"version\" : \"" + next
                + "\"").doesNotContain(staging.target().host() + ":" + staging.target().port());
    }

    @Test
    void aMigrationNeverAppliedOnStagingIsRefusedAndNamedAndNothingChanges() throws Exception {
        TestDatabase staging = POSTGRES.newDatabase();
        TestDatabase production = POSTGRES.newDatabase();
        Path location = MigrationSets.copy("flyway", dir);
        migrator(staging, location, "staging", null).load().migrate();
        String hotfix = MigrationSets.append("flyway", location, "hotfix", "CREATE TABLE hotfix (id int);");

        assertThatThrownBy(() -> migrator(production, location, "production", requireStaging(staging)).load()
                .migrate()).isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.NOT_REHEARSED);
                    assertThat(failure.getMessage()).contains("1 of 5 pending migration(s)",
                            hotfix + " (V" + hotfix + "__hotfix.sql): never applied on staging");
                });
        assertThat(production.hasTable("customers")).isFalse();
        assertThat(production.column("SELECT status FROM opta_migrate.opta_migrate_journal"))
                .containsExactly("REFUSED");
    }

    @Test
    void aMigrationWhoseFileChangedAfterStagingAppliedItIsRefused() throws Exception {
        TestDatabase staging = POSTGRES.newDatabase();
        TestDatabase production = POSTGRES.newDatabase();
        Path location = MigrationSets.copy("flyway", dir);
        migrator(production, location, "production", null).load().migrate();
        String index = MigrationSets.append("flyway", location, "index", "CREATE INDEX ON customers (email);");
        migrator(staging, location, "staging", null).load().migrate();
        MigrationSets.replace("flyway", location, index, "CREATE INDEX ON customers (email, id);");

        assertThatThrownBy(() -> migrator(production, location, "production", requireStaging(staging)).load()
                .migrate()).isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.NOT_REHEARSED);
                    assertThat(failure.getMessage()).contains(index + " (V" + index + "__index.sql): its file "
                            + "changed after staging applied it (checksum crc32:");
                });
    }

    @Test
    void skippingTheRehearsalWithAReasonRunsAndIsRecorded() throws Exception {
        TestDatabase staging = POSTGRES.newDatabase();
        TestDatabase production = POSTGRES.newDatabase();
        Path location = MigrationSets.copy("flyway", dir);

        migrator(production, location, "production", new PromotionOptions("production", "staging", staging.target(),
                null, "staging is down; INC-4711")).load().migrate();

        assertThat(production.hasTable("customers")).isTrue();
        assertThat(production.column("SELECT overrides::text FROM opta_migrate.opta_migrate_journal"))
                .singleElement().asString().contains("\"gate\": \"promotion\"", "staging is down; INC-4711",
                        "--skip-rehearsal");
    }

    @Test
    void aTargetThatRequiresARehearsalAndIsGivenNoProofIsRefused() throws Exception {
        TestDatabase production = POSTGRES.newDatabase();
        Path location = MigrationSets.copy("flyway", dir);

        assertThatThrownBy(() -> migrator(production, location, "production", new PromotionOptions("production",
                "staging", null, null, null)).load().migrate()).isInstanceOfSatisfying(MigrateException.class,
                        failure -> {
                            assertThat(failure.code()).isEqualTo(CoreErrorCode.NOT_REHEARSED);
                            assertThat(failure.getMessage()).contains("no proof was given: neither rehearsal-url nor "
                                    + "rehearsal-receipt");
                        });
    }

    @Test
    void theTargetIsNeverItsOwnRehearsalAndAReceiptFromAnotherEnvironmentIsNoProof() throws Exception {
        TestDatabase production = POSTGRES.newDatabase();
        Path location = MigrationSets.copy("flyway", dir);
        Path devReceipt = dir.resolve("dev.json");
        new Receipt("dev", null, Instant.now(), List.of()).write(devReceipt);

        assertThatThrownBy(() -> migrator(production, location, "production", requireStaging(production)).load()
                .migrate()).hasMessageContaining("rehearsal-url points at the target itself");
        assertThatThrownBy(() -> migrator(production, location, "production", new PromotionOptions("production",
                "staging", null, devReceipt, null)).load().migrate())
                .hasMessageContaining("comes from environment 'dev', and this target requires a rehearsal on "
                        + "'staging'");
        assertThat(production.hasTable("customers")).isFalse();
    }

    @Test
    void stagingsDurationsAreTheEstimateThatMustFitInTheWindow() throws Exception {
        TestDatabase production = POSTGRES.newDatabase();
        Path location = MigrationSets.copy("flyway", dir);
        List<PendingMigration> pending = migrator(production, location, "production", null).load().pending();
        Path receipt = dir.resolve("staging.json");
        new Receipt("staging", "shop:1.9", Instant.now(), pending.stream().map(migration -> new AppliedRecord("flyway",
                migration.version(), migration.script(), migration.checksum(), "shop:1.9", "staging",
                Instant.parse("2026-12-01T02:00:00Z"), Duration.ofMinutes(40))).toList()).write(receipt);
        MigratorConfiguration inLastHourOfWindow = migrator(production, location, "production",
                new PromotionOptions("production", "staging", null, receipt, null))
                .windows(MaintenanceWindows.parse("Mon-Fri 01:00-05:00 UTC", "test"))
                .clock(Clock.fixed(Instant.parse("2026-12-02T04:00:00Z"), ZoneOffset.UTC));

        assertThatThrownBy(() -> inLastHourOfWindow.load().migrate()).isInstanceOfSatisfying(MigrateException.class,
                failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.OUTSIDE_WINDOW);
                    assertThat(failure.getMessage()).contains("estimated at "
                            + Durations.format(Duration.ofMinutes(40L * pending.size())),
                            "from the durations in the receipt " + receipt);
                });
        assertThat(production.hasTable("customers")).isFalse();
    }

    private static PromotionOptions requireStaging(TestDatabase staging) {
        return new PromotionOptions("production", "staging", staging.target(), null, null);
    }

    private static MigratorConfiguration migrator(TestDatabase db, Path location, String environment,
            PromotionOptions promotion) {
        return Migrator.configure().target(db.target()).location(location.toString()).promotion(promotion != null
                ? promotion : new PromotionOptions(environment, null, null, null, null));
    }
}
