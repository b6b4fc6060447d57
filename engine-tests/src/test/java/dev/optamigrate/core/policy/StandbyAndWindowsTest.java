package dev.optamigrate.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A run's conduct on a real PostgreSQL: refused runs change nothing and are journaled; the rest is recorded. */
class StandbyAndWindowsTest {
    private static final MaintenanceWindows NIGHTS = MaintenanceWindows.parse("Mon-Fri 01:00-05:00 Europe/Berlin",
            "test");
    private static final Clock WEDNESDAY_AFTERNOON = Clock.fixed(Instant.parse("2026-12-02T13:00:00Z"),
            ZoneOffset.UTC);
    private static final Clock WEDNESDAY_NIGHT = Clock.fixed(Instant.parse("2026-12-02T01:30:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void aTargetThatRequiresStandbyRefusesARunWithoutOneAndRecordsTheOneWhoWatches(TestDatabase db)
            throws Exception {
        Path location = MigrationSets.copy("flyway", dir);

        assertThatThrownBy(() -> migrator(db, location).standby(RunPolicy.REQUIRED).load().migrate())
                .isInstanceOfSatisfying(MigrateException.class, failure ->
                        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION));
        assertThat(db.hasTable("customers")).isFalse();

        migrator(db, location).standby("alice (@alice on Slack)").load().migrate();

        assertThat(db.column("SELECT status || ' ' || coalesce(standby, '-') FROM opta_migrate.opta_migrate_journal "
                + "ORDER BY id")).containsExactly("REFUSED -", "SUCCEEDED alice (@alice on Slack)");
    }

    @Test
    void outsideTheWindowNothingRunsInsideItDoesAndAReasonIsRecorded(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("flyway", dir);

        assertThatThrownBy(() -> migrator(db, location).windows(NIGHTS).clock(WEDNESDAY_AFTERNOON).load().migrate())
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.OUTSIDE_WINDOW);
                    assertThat(failure.getMessage()).contains("The next one opens Thu 2026-12-03 01:00 CET");
                });
        assertThat(db.hasTable("customers")).isFalse();

        migrator(db, location).windows(NIGHTS).clock(WEDNESDAY_NIGHT).load().migrate();
        MigrationSets.append("flyway", location, "hotfix", "ALTER TABLE customers ADD COLUMN vip boolean;");
        migrator(db, location).windows(NIGHTS).clock(WEDNESDAY_AFTERNOON).outsideWindow("hotfix for INC-4711")
                .load().migrate();

        assertThat(db.column("SELECT status FROM opta_migrate.opta_migrate_journal ORDER BY id"))
                .containsExactly("REFUSED", "SUCCEEDED", "SUCCEEDED");
        assertThat(db.column("SELECT overrides::text FROM opta_migrate.opta_migrate_journal WHERE overrides IS NOT "
                + "NULL")).singleElement().asString().contains("\"gate\": \"window\"", "hotfix for INC-4711");
    }

    @Test
    void aRunWithNothingPendingIsNotHeldToTheWindowOrStandby(TestDatabase db) throws Exception {
        Path location = MigrationSets.copy("flyway", dir);
        migrator(db, location).load().migrate();

        migrator(db, location).windows(NIGHTS).clock(WEDNESDAY_AFTERNOON).standby(RunPolicy.REQUIRED).load()
                .migrate();

        assertThat(db.column("SELECT status FROM opta_migrate.opta_migrate_journal ORDER BY id"))
                .containsExactly("SUCCEEDED", "SUCCEEDED");
    }

    private static MigratorConfiguration migrator(TestDatabase db, Path location) {
        return Migrator.configure().target(db.target()).location(location.toString());
    }
}
