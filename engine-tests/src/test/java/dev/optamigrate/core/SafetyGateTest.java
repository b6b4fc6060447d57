package dev.optamigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.analysis.AllowList;
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

class SafetyGateTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void blockRefusesAnErrorLevelFindingBeforeApplyingAnything(TestDatabase db) throws Exception {
        Path location = withTypeChange(db);
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> migrator(db, location, SafetyMode.BLOCK, events).migrate())
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.UNSAFE_MIGRATION);
                    assertThat(failure.getMessage()).contains("1 error-level finding", "nothing was applied");
                });

        assertThat(events).filteredOn(MigrationEvent.SafetyFinding.class::isInstance)
                .extracting(event -> ((MigrationEvent.SafetyFinding) event).rule()).contains("rewrite-column-type");
        assertThat(events).noneMatch(MigrationEvent.MigrationStarted.class::isInstance);
        assertThat(db.column("SELECT numeric_precision::text FROM information_schema.columns "
                + "WHERE table_name = 'orders' AND column_name = 'total'")).containsExactly("12");
        assertThat(db.column("SELECT status FROM opta_migrate.opta_migrate_journal ORDER BY id"))
                .as("the refused run is journaled").containsExactly("SUCCEEDED", "REFUSED");
    }

    @Test
    void theConfigAllowListLetsBlockApplyAnAcceptedFinding(TestDatabase db) throws Exception {
        Path location = withTypeChange(db);
        AllowList allowed = AllowList.of(List.of(new AllowList.Entry("5", "rewrite-column-type",
                "orders is empty in every environment")), "opta-migrate.yaml");

        Migrator.configure().target(db.target()).location(location.toString()).safety(SafetyMode.BLOCK)
                .allowList(allowed).load().migrate();

        assertThat(db.column("SELECT numeric_precision::text FROM information_schema.columns "
                + "WHERE table_name = 'orders' AND column_name = 'total'")).containsExactly("14");
    }

    @Test
    void warnReportsTheFindingsAndMigrates(TestDatabase db) throws Exception {
        Path location = withTypeChange(db);
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();

        migrator(db, location, SafetyMode.WARN, events).migrate();

        assertThat(events).filteredOn(MigrationEvent.SafetyFinding.class::isInstance).first()
                .satisfies(event -> {
                    MigrationEvent.SafetyFinding finding = (MigrationEvent.SafetyFinding) event;
                    assertThat(finding.rule()).isEqualTo("rewrite-column-type");
                    assertThat(finding.severity()).isEqualTo("error");
                    assertThat(finding.file()).startsWith("V5__");
                    assertThat(finding.fix()).isNotBlank();
                });
        assertThat(db.column("SELECT numeric_precision::text FROM information_schema.columns "
                + "WHERE table_name = 'orders' AND column_name = 'total'")).containsExactly("14");
    }

    @Test
    void offSkipsTheCheck(TestDatabase db) throws Exception {
        Path location = withTypeChange(db);
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();

        migrator(db, location, SafetyMode.OFF, events).migrate();

        assertThat(events).noneMatch(MigrationEvent.SafetyFinding.class::isInstance);
    }

    @Test
    void tablesCreatedByEarlierPendingMigrationsOfTheRunAreNew(TestDatabase db) {
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();

        migrator(db, MigrationSets.copy("flyway", dir.resolve("fresh")), SafetyMode.BLOCK, events).migrate();

        assertThat(events).noneMatch(MigrationEvent.SafetyFinding.class::isInstance);
    }

    /** The examples applied, then a pending migration that rewrites orders. */
    private Path withTypeChange(TestDatabase db) {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        migrator(db, location, SafetyMode.OFF, new CopyOnWriteArrayList<>()).migrate();
        MigrationSets.append("flyway", location, "widen total", "SET lock_timeout = '5s';\n"
                + "ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,2);\n");
        return location;
    }

    private static Migrator migrator(TestDatabase db, Path location, SafetyMode safety, List<MigrationEvent> events) {
        return Migrator.configure().target(db.target()).location(location.toString()).safety(safety)
                .addListener(events::add).load();
    }
}
