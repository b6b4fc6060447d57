package dev.optamigrate.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.analysis.Phase;
import dev.optamigrate.core.analysis.SafetyMode;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The 3-point migration across releases, on a real PostgreSQL: shop:1.7 adds orders.legacy_status, shop:1.8
 * retires it, shop:1.9 drops it; the gate lets the drop run only when no server runs a release older than 1.8.
 */
class ThreePointMigrationTest {
    private static final String RETIRE = "-- opta-migrate:retire orders.legacy_status\n"
            + "ALTER TABLE orders ADD COLUMN fulfilment text;\n";
    private static final String DROP = "ALTER TABLE orders DROP COLUMN legacy_status;\n";

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    static final List<String> TOOLS = MigrationSets.TOOLS;

    @TempDir
    Path dir;

    @ParameterizedTest
    @FieldSource("TOOLS")
    void retiringAndDroppingInTheSameReleaseIsRefusedAndNothingIsApplied(String tool, TestDatabase db)
            throws Exception {
        Path location = released17(tool, db);
        MigrationSets.append(tool, location, "retire legacy status", RETIRE);
        MigrationSets.append(tool, location, "drop legacy status", DROP);

        assertThatThrownBy(() -> migrator(db, location, "shop:1.8").runningReleases(List.of(
                new RunningRelease("shop:1.7", 2))).load().migrate())
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.CONTRACT_NOT_READY);
                    assertThat(failure.getMessage()).contains("orders.legacy_status is retired by release shop:1.8, "
                            + "the one migrating now", "Nothing was applied");
                });

        assertThat(columns(db)).contains("legacy_status").doesNotContain("fulfilment");
        assertThat(db.column("SELECT status FROM opta_migrate.opta_migrate_journal ORDER BY id"))
                .containsExactly("SUCCEEDED", "REFUSED");
    }

    @ParameterizedTest
    @FieldSource("TOOLS")
    void theNextReleaseDropsOnlyOnceNoServerRunsTheReleaseBeforeTheRetirement(String tool, TestDatabase db)
            throws Exception {
        Path location = released17(tool, db);
        MigrationSets.append(tool, location, "retire legacy status", RETIRE);
        migrator(db, location, "shop:1.8").runningReleases(List.of(new RunningRelease("shop:1.7", 3))).load()
                .migrate();
        assertThat(db.column("SELECT object || ' ' || release FROM opta_migrate.opta_migrate_retirement"))
                .containsExactly("orders.legacy_status shop:1.8");
        MigrationSets.append(tool, location, "drop legacy status", DROP);

        assertThatThrownBy(() -> migrator(db, location, "shop:1.9").runningReleases(List.of(
                new RunningRelease("shop:1.8", 1), new RunningRelease("shop:1.7", 2))).load().migrate())
                .isInstanceOfSatisfying(MigrateException.class, failure -> assertThat(failure.getMessage())
                        .containsPattern("orders.legacy_status was retired by release shop:1.8 "
                                + "\\(\\d{4}-\\d\\d-\\d\\d\\); 2 pods still run shop:1.7"));
        assertThat(columns(db)).contains("legacy_status");
        Migrator later = migrator(db, location, "shop:1.9").runningReleases(List.of(new RunningRelease("shop:1.8",
                3))).load();
        ReleaseStatus before = later.releaseStatus();
        assertThat(before.retired()).extracting(Retirement::object).containsExactly("orders.legacy_status");
        assertThat(before.pending()).extracting(phase -> phase.phase()).containsExactly(Phase.CONTRACT);
        assertThat(before.notReady()).isEmpty();

        later.migrate();

        assertThat(columns(db)).doesNotContain("legacy_status");
        assertThat(later.releaseStatus().retired()).as("contracted").isEmpty();
    }

    @Test
    void runningReleasesGivenByThePipelineDecideBothWays(TestDatabase db) throws Exception {
        Path location = retired18(db);
        MigrationSets.append("flyway", location, "drop legacy status", DROP);

        assertThatThrownBy(() -> migrator(db, location, "shop:1.9").runningReleases(List.of(
                new RunningRelease("shop:1.7", 0))).load().migrate())
                .isInstanceOfSatisfying(MigrateException.class, failure -> assertThat(failure.getMessage())
                        .contains("shop:1.7 still runs"));
        assertThatThrownBy(() -> migrator(db, location, "shop:1.9").load().migrate())
                .isInstanceOfSatisfying(MigrateException.class, failure -> assertThat(failure.getMessage())
                        .contains("which releases serve traffic now is not known", "--running-release"));

        migrator(db, location, "shop:1.9").runningReleases(List.of(new RunningRelease("shop:1.9", 0),
                new RunningRelease("shop:1.8", 0))).load().migrate();

        assertThat(columns(db)).doesNotContain("legacy_status");
    }

    @Test
    void anUnknownRunningReleaseCountsAsOldUnlessTrustedAndTheJournalRecordsTheTrust(TestDatabase db)
            throws Exception {
        Path location = retired18(db);
        MigrationSets.append("flyway", location, "drop legacy status", DROP);
        List<RunningRelease> hotfix = List.of(new RunningRelease("shop:1.8-hotfix", 2));

        assertThatThrownBy(() -> migrator(db, location, "shop:1.9").runningReleases(hotfix).load().migrate())
                .isInstanceOfSatisfying(MigrateException.class, failure -> assertThat(failure.getMessage())
                        .contains("2 pods still run shop:1.8-hotfix, a release the journal has never seen"));

        migrator(db, location, "shop:1.9").runningReleases(hotfix).trustUnknownReleases(true).load().migrate();

        assertThat(columns(db)).doesNotContain("legacy_status");
        assertThat(db.column("SELECT overrides::text FROM opta_migrate.opta_migrate_journal WHERE status = "
                + "'SUCCEEDED' AND release = 'shop:1.9'")).singleElement().asString()
                .contains("\"trustedUnknownRelease\": \"shop:1.8-hotfix\"");
    }

    @Test
    void aRunThatFailedSinceTheRetirementBlocksTheContract(TestDatabase db) throws Exception {
        Path location = retired18(db);
        String broken = MigrationSets.append("flyway", location, "broken", "ALTER TABLE no_such_table ADD x int;");
        assertThatThrownBy(() -> migrator(db, location, "shop:1.8").load().migrate())
                .isInstanceOf(MigrateException.class);
        MigrationSets.replace("flyway", location, broken, DROP);

        assertThatThrownBy(() -> migrator(db, location, "shop:1.9").runningReleases(List.of(
                new RunningRelease("shop:1.8", 2))).load().migrate())
                .isInstanceOfSatisfying(MigrateException.class, failure -> assertThat(failure.getMessage())
                        .containsPattern("since then run #\\d+ \\(release shop:1.8, [0-9-]+\\) ended FAILED"));
    }

    @Test
    void aCommentAcceptsTheContractAndTheJournalRecordsItsReason(TestDatabase db) throws Exception {
        Path location = released17("flyway", db);
        MigrationSets.append("flyway", location, "drop legacy status", "-- opta-migrate:allow contract-not-ready "
                + "the column was never read by any release\n" + DROP);
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();

        migrator(db, location, "shop:1.8").addListener(events::add).load().migrate();

        assertThat(columns(db)).doesNotContain("legacy_status");
        assertThat(events).filteredOn(MigrationEvent.SafetyFinding.class::isInstance)
                .map(event -> (MigrationEvent.SafetyFinding) event)
                .anySatisfy(finding -> assertThat(finding.message()).startsWith("Accepted (the column was never "
                        + "read by any release): orders.legacy_status was never retired"));
        assertThat(db.column("SELECT overrides::text FROM opta_migrate.opta_migrate_journal WHERE release = "
                + "'shop:1.8'")).singleElement().asString().contains("opta-migrate:allow contract-not-ready the "
                        + "column was never read by any release");
    }

    @Test
    void safetyWarnOnlyWarnsAndTheDeclaredPhaseWins(TestDatabase db) throws Exception {
        Path location = released17("flyway", db);
        MigrationSets.append("flyway", location, "drop price view", "-- opta-migrate:phase contract order_totals\n"
                + "DROP VIEW IF EXISTS order_totals;\n");
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();

        migrator(db, location, "shop:1.8").safety(SafetyMode.WARN).addListener(events::add).load().migrate();

        assertThat(events).filteredOn(MigrationEvent.SafetyFinding.class::isInstance)
                .map(event -> (MigrationEvent.SafetyFinding) event)
                .anySatisfy(finding -> {
                    assertThat(finding.rule()).isEqualTo("contract-not-ready");
                    assertThat(finding.severity()).isEqualTo("warning");
                    assertThat(finding.message()).contains("order_totals was never retired");
                });
        assertThat(db.column("SELECT overrides::text FROM opta_migrate.opta_migrate_journal WHERE release = "
                + "'shop:1.8'")).singleElement().asString().contains("--safety warn");
    }

    /** The example set and a legacy_status column on orders, applied by shop:1.7. */
    private Path released17(String tool, TestDatabase db) {
        Path location = MigrationSets.copy(tool, dir.resolve(tool));
        MigrationSets.append(tool, location, "legacy status", "ALTER TABLE orders ADD COLUMN legacy_status text;\n");
        migrator(db, location, "shop:1.7").load().migrate();
        return location;
    }

    /** Then shop:1.8, which retires orders.legacy_status while shop:1.7 still runs. */
    private Path retired18(TestDatabase db) {
        Path location = released17("flyway", db);
        MigrationSets.append("flyway", location, "retire legacy status", RETIRE);
        migrator(db, location, "shop:1.8").load().migrate();
        return location;
    }

    private static MigratorConfiguration migrator(TestDatabase db, Path location, String release) {
        return Migrator.configure().target(db.target()).location(location.toString()).release(release);
    }

    private static List<String> columns(TestDatabase db) throws Exception {
        return db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'");
    }
}
