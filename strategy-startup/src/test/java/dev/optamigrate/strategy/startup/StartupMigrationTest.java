package dev.optamigrate.strategy.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class StartupMigrationTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    /** The README's example: an application's main, migrating before it starts serving. */
    static final class ExampleApp {
        static void main(Map<String, String> environment, Runnable startServer) {
            StartupMigration.fromEnvironment(environment)   // OPTA_MIGRATE_URL, or Opta's DBHOST/DBNAME/DBUSER/DBPASS
                    .tool("flyway")                           // or liquibase, mybatis
                    .location("classpath:db/migration")
                    .budget(Duration.ofSeconds(30))           // warn when a migration belongs in a Job
                    .run();                                   // throws MigrateException: the server never starts
            startServer.run();
        }
    }

    @Test
    void exampleAppMigratesThenStartsTheServer(TestDatabase db) throws Exception {
        AtomicBoolean started = new AtomicBoolean();
        ExampleApp.main(Map.of("OPTA_MIGRATE_URL", db.url()), () -> started.set(true));

        assertThat(started).isTrue();
        assertThat(db.hasTable("orders")).isTrue();
        assertThat(db.column("SELECT strategy FROM opta_migrate.opta_migrate_journal")).containsExactly("startup");
    }

    @Test
    void failedMigrationNeverStartsTheServer(TestDatabase db, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__broken.sql"), "CREATE TABLE broken (id int;");
        AtomicBoolean started = new AtomicBoolean();

        assertThatThrownBy(() -> StartupMigration.fromEnvironment(Map.of("OPTA_MIGRATE_URL", db.url()))
                .location(dir.toString()).run())
                .isInstanceOf(MigrateException.class).hasMessageContaining("V1__broken.sql");
        assertThat(started).isFalse();
    }

    @Test
    void warnsWhenTheMigrationOutlastsTheBudget(TestDatabase db, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__slow.sql"), "SELECT pg_sleep(1);");
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();

        MigrateResult result = StartupMigration.fromEnvironment(Map.of("OPTA_MIGRATE_URL", db.url()))
                .location(dir.toString()).budget(Duration.ofMillis(200)).addListener(events::add).run();

        assertThat(result.applied()).hasSize(1);
        assertThat(events).filteredOn(MigrationEvent.Warning.class::isInstance).singleElement()
                .extracting(event -> ((MigrationEvent.Warning) event).message()).asString()
                .contains("startup budget", "job strategy");
    }

    @Test
    void quickMigrationGivesNoWarning(TestDatabase db) {
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        StartupMigration.fromEnvironment(Map.of("OPTA_MIGRATE_URL", db.url())).tool("flyway")
                .location("classpath:db/migration").addListener(events::add).run();
        assertThat(events).noneMatch(MigrationEvent.Warning.class::isInstance);
    }

    /** This module's tests have only opta-migrate-tool-flyway on their classpath, as a slim application has. */
    @Test
    void aToolWhoseModuleIsMissingNamesTheArtifactToAdd(TestDatabase db) {
        assertThatThrownBy(() -> StartupMigration.fromEnvironment(Map.of("OPTA_MIGRATE_URL", db.url()))
                .tool("liquibase").location("classpath:db/changelog/db.changelog-master.yaml").run())
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
                    assertThat(failure.getMessage()).contains("'liquibase' is not on the classpath")
                            .contains("dev.optamigrate:opta-migrate-tool-liquibase");
                    assertThat(failure.hint()).contains("Add the dependency dev.optamigrate:opta-migrate-tool-liquibase")
                            .contains("Installed: flyway");
                });
    }
}
