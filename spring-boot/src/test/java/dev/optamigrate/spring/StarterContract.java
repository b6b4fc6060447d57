package dev.optamigrate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the starter promises, for one tool: real contexts, real PostgreSQL, the tool's own history table and
 * opta-migrate's journal read back with SQL.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class StarterContract {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    /** The properties that choose this tool and its migrations. */
    abstract Map<String, String> tool();

    /** The properties that choose a migration set whose second migration fails. */
    abstract Map<String, String> failingSet();

    /** The migrations the tool's history holds, oldest first, one entry per application. */
    abstract List<String> history(TestDatabase db) throws Exception;

    /** The history of the example set, as {@link #history} reads it. */
    abstract List<String> expectedHistory();

    /** The schema's version once the example set is applied, as the health indicator reports it. */
    abstract String finalVersion();

    /** The file of the failing migration, as the failure names it. */
    abstract String failingFile();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void migratesUnderTheLockBeforeJdbcTemplateIsUsed(TestDatabase db) throws Exception {
        try (ConfigurableApplicationContext context = TestApp.start(db, tool())) {
            assertThat(context.getBean(TestApp.GreetingReader.class).greetings()).isEqualTo(1);
            assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
                    .contains("optaMigrateInitializer");
        }
        assertThat(history(db)).containsExactlyElementsOf(expectedHistory());
        assertThat(db.column("SELECT strategy || ' ' || status || ' ' || applied FROM "
                + "opta_migrate.opta_migrate_journal"))
                .containsExactly("startup SUCCEEDED " + expectedHistory().size());
    }

    @Test
    void twoContextsStartedAtOnceApplyEachMigrationOnce(TestDatabase db) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Callable<ConfigurableApplicationContext> start = () -> {
            go.await();
            return TestApp.start(db, tool());
        };
        Future<ConfigurableApplicationContext> first = threads.submit(start);
        Future<ConfigurableApplicationContext> second = threads.submit(start);
        go.countDown();
        try (ConfigurableApplicationContext one = first.get(2, TimeUnit.MINUTES);
                ConfigurableApplicationContext two = second.get(2, TimeUnit.MINUTES)) {
            assertThat(one.getBean(TestApp.GreetingReader.class).greetings()).isEqualTo(1);
            assertThat(two.getBean(TestApp.GreetingReader.class).greetings()).isEqualTo(1);
        }
        assertThat(history(db)).containsExactlyElementsOf(expectedHistory());
        assertThat(db.column("SELECT applied FROM opta_migrate.opta_migrate_journal"))
                .containsExactlyInAnyOrder(String.valueOf(expectedHistory().size()), "0");
    }

    @Test
    void aReplicaWaitsOnTheLockAndLogsWhoHoldsIt(TestDatabase db, CapturedOutput output) throws Exception {
        Future<ConfigurableApplicationContext> replica;
        try (Connection holder = db.holdMigrationLock("opta-migrate job-pod-1 pid 7")) {
            replica = threads.submit(() -> TestApp.start(db, tool()));
            awaitOutput(output, "Waiting for the migration lock");
            assertThat(replica).isNotDone();
        }
        try (ConfigurableApplicationContext context = replica.get(2, TimeUnit.MINUTES)) {
            assertThat(context.getBean(TestApp.GreetingReader.class).greetings()).isEqualTo(1);
        }
        assertThat(output.getOut()).contains("held by", "job-pod-1 pid 7");
    }

    @Test
    void aWaitOnlyReplicaStartsOnceAnotherHasMigrated(TestDatabase db, CapturedOutput output) throws Exception {
        Map<String, String> waitOnly = with(tool(), "opta-migrate.wait-only", "true");
        Future<ConfigurableApplicationContext> waiting = threads.submit(() -> TestApp.start(db, waitOnly));
        awaitOutput(output, "Waiting for another process to apply " + expectedHistory().size()
                + " pending migrations");
        assertThat(waiting).isNotDone();
        assertThat(db.hasTable("greeting")).isFalse();

        try (ConfigurableApplicationContext migrator = TestApp.start(db, tool());
                ConfigurableApplicationContext waited = waiting.get(1, TimeUnit.MINUTES)) {
            assertThat(waited.getBean(TestApp.GreetingReader.class).greetings()).isEqualTo(1);
        }
        assertThat(history(db)).containsExactlyElementsOf(expectedHistory());
        assertThat(db.column("SELECT count(*) FROM opta_migrate.opta_migrate_journal")).containsExactly("1");
    }

    @Test
    void aWaitOnlyReplicaGivesUpAfterItsTimeoutWithTheFix(TestDatabase db, CapturedOutput output) {
        Map<String, String> waitOnly = with(with(tool(), "opta-migrate.wait-only", "true"),
                "opta-migrate.wait-timeout", "2s");

        assertThatThrownBy(() -> TestApp.start(db, waitOnly)).hasRootCauseInstanceOf(SchemaWaitTimeout.class);

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START",
                "still lacks what this application expects after waiting", "2 pending migrations, next",
                "opta-migrate.wait-only is true", "opta-migrate.wait-timeout");
    }

    @Test
    void aFailingMigrationStopsTheApplicationWithItsMessageAndTheFix(TestDatabase db, CapturedOutput output)
            throws Exception {
        assertThatThrownBy(() -> TestApp.start(db, failingSet())).isNotNull();

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START",
                "opta-migrate could not migrate the database (MIGRATION_FAILED)", failingFile(), "Action:");
        assertThat(db.column("SELECT status FROM opta_migrate.opta_migrate_journal")).containsExactly("FAILED");
    }

    @Test
    void healthAndInfoReportTheVersionAndTheLastRun(TestDatabase db) throws Exception {
        try (ConfigurableApplicationContext context = TestApp.start(db, tool())) {
            Object indicator = context.getBean("optaMigrateHealthIndicator");
            assertThat(indicator.getClass().getSimpleName()).isEqualTo(
                    SpringBootVersion.getVersion().startsWith("3.") ? "BootThreeHealthIndicator"
                            : "BootFourHealthIndicator");
            Object health = indicator.getClass().getMethod("health").invoke(indicator);
            assertThat(health.getClass().getMethod("getStatus").invoke(health)).hasToString("UP");
            Map<?, ?> details = (Map<?, ?>) health.getClass().getMethod("getDetails").invoke(health);
            assertThat(details.get("version")).isEqualTo(finalVersion());
            assertThat(details.get("pending")).isEqualTo(0);
            Map<?, ?> lastRun = (Map<?, ?>) details.get("lastRun");
            assertThat(lastRun.get("status")).isEqualTo("SUCCEEDED");
            assertThat(lastRun.get("applied")).isEqualTo(expectedHistory().size());
            assertThat(context.getBean(MigrationStatusReport.class).details()).containsEntry("tool",
                    tool().get("opta-migrate.tool"));
        }
    }

    static Map<String, String> with(Map<String, String> properties, String name, String value) {
        Map<String, String> more = new HashMap<>(properties);
        more.put(name, value);
        return more;
    }

    private static void awaitOutput(CapturedOutput output, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!output.getOut().contains(text)) {
            assertThat(System.nanoTime()).as("waiting for the log to say: %s", text).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
