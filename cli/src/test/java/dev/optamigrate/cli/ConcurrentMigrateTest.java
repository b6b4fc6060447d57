package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVMs racing on one fresh database: the lock lets exactly one apply each migration. */
class ConcurrentMigrateTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final int PROCESSES = 8;
    private static final int MIGRATIONS = 5;

    @Test
    void eightProcessesApplyEachMigrationExactlyOnce(TestDatabase db, @TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__log.sql"),
                "CREATE TABLE applied_log (version int NOT NULL, pid int NOT NULL DEFAULT pg_backend_pid());\n"
                        + "INSERT INTO applied_log (version) VALUES (1);\n");
        for (int v = 2; v <= MIGRATIONS; v++) {
            Files.writeString(migrations.resolve("V" + v + "__step_" + v + ".sql"),
                    "CREATE TABLE step_" + v + " (id int);\nSELECT pg_sleep(0.2);\n"
                            + "INSERT INTO applied_log (version) VALUES (" + v + ");\n");
        }
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(Cli.start(Map.of(), dir.resolve("out-" + i + ".txt"), List.of("migrate", "--url", db.url(),
                    "--location", migrations.toString(), "--lock-wait", "2m")));
        }
        for (int i = 0; i < PROCESSES; i++) {
            Process process = processes.get(i);
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("process %d finished", i).isTrue();
            assertThat(process.exitValue()).as(Files.readString(dir.resolve("out-" + i + ".txt"))).isZero();
        }

        assertThat(db.column("SELECT version || ':' || count(*) FROM applied_log GROUP BY version ORDER BY version"))
                .containsExactly("1:1", "2:1", "3:1", "4:1", "5:1");
        assertThat(db.column("SELECT status FROM opta_migrate.opta_migrate_journal")).hasSize(PROCESSES)
                .containsOnly("SUCCEEDED");
        assertThat(db.column("SELECT applied FROM opta_migrate.opta_migrate_journal WHERE applied > 0"))
                .containsExactly(String.valueOf(MIGRATIONS));
    }
}
