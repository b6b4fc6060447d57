package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.Examples;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class StartupCommandTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void startsTheServerAfterTheMigrationAndReturnsItsExitCode(TestDatabase db) throws Exception {
        Path marker = dir.resolve("server-saw-orders");
        String server = "echo started > " + marker + "; exit 3";

        Cli.Result result = Cli.run(dir, "startup", "--url", db.url(), "--location", Examples.of("flyway").toString(),
                "--", "sh", "-c", server);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(marker).exists();
        assertThat(db.hasTable("orders")).isTrue();
        assertThat(db.column("SELECT strategy FROM opta_migrate.opta_migrate_journal")).containsExactly("startup");
    }

    @Test
    void failedMigrationNeverStartsTheServer(TestDatabase db) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("m"));
        Files.writeString(migrations.resolve("V1__broken.sql"), "CREATE TABLE t (id int;\n");
        Path marker = dir.resolve("server-started");

        Cli.Result result = Cli.run(dir, "startup", "--url", db.url(), "--location", migrations.toString(), "--",
                "sh", "-c", "touch " + marker);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("V1__broken.sql");
        assertThat(marker).doesNotExist();
    }

    @Test
    void sigtermReachesTheServerAndItsExitCodeComesBack(TestDatabase db) throws Exception {
        Path ready = dir.resolve("ready");
        String server = "trap 'exit 42' TERM; touch " + ready + "; while true; do sleep 0.1; done";
        Process startup = Cli.start(Map.of(), dir.resolve("out.txt"), List.of("startup", "--url", db.url(),
                "--location", Examples.of("flyway").toString(), "--", "sh", "-c", server));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(ready) && System.nanoTime() < deadline && startup.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(ready).as(Files.readString(dir.resolve("out.txt"))).exists();
        startup.destroy();

        assertThat(startup.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(startup.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isEqualTo(42);
    }
}
