package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Separate JVMs racing on one fresh database: the lock lets exactly one apply each migration, for every tool. */
class ConcurrentMigrateTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    static final List<String> TOOLS = MigrationSets.TOOLS;
    private static final int PROCESSES = 16;
    private static final int LOGGED = 4;

    @ParameterizedTest
    @FieldSource("TOOLS")
    void sixteenProcessesApplyEachMigrationExactlyOnce(String tool, TestDatabase db, @TempDir Path dir)
            throws Exception {
        Path location = MigrationSets.copy(tool, dir.resolve("migrations"));
        MigrationSets.append(tool, location, "applied log",
                "CREATE TABLE applied_log (step int NOT NULL, pid int NOT NULL DEFAULT pg_backend_pid());\n"
                        + "INSERT INTO applied_log (step) VALUES (1);");
        for (int step = 2; step <= LOGGED; step++) {
            MigrationSets.append(tool, location, "step " + step,
                    "INSERT INTO applied_log (step) VALUES (" + step + ");\nSELECT pg_sleep(0.2);");
        }
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(Cli.start(Map.of(), dir.resolve("out-" + i + ".txt"), List.of("migrate", "--url", db.url(),
                    "--location", location.toString(), "--lock-wait", "3m")));
        }
        for (int i = 0; i < PROCESSES; i++) {
            Process process = processes.get(i);
            assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("process %d finished", i).isTrue();
            assertThat(process.exitValue()).as(Files.readString(dir.resolve("out-" + i + ".txt"))).isZero();
        }

        assertThat(db.column("SELECT step || ':' || count(*) FROM applied_log GROUP BY step ORDER BY step"))
                .containsExactly("1:1", "2:1", "3:1", "4:1");
        assertThat(db.column("SELECT status FROM opta_migrate.opta_migrate_journal")).hasSize(PROCESSES)
                .containsOnly("SUCCEEDED");
        assertThat(db.column("SELECT applied FROM opta_migrate.opta_migrate_journal WHERE applied > 0"))
                .containsExactly(String.valueOf(MigrationSets.exampleCount(tool) + LOGGED));
    }
}
