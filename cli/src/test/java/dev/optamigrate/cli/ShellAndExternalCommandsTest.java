package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import dev.optamigrate.kubernetes.testing.ExecScript;
import dev.optamigrate.kubernetes.testing.FakeCluster;
import dev.optamigrate.kubernetes.testing.FakeExec;
import dev.optamigrate.kubernetes.testing.FakeRollout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The shell and external strategies from the command line: confirmation, exit codes, protected targets. */
class ShellAndExternalCommandsTest {
    private static final String IMAGE = "registry.example.com/shop:v42";

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.withPasswordAuthentication();

    @TempDir
    Path directory;

    private FakeCluster cluster;
    private Map<String, String> env;

    @BeforeEach
    void startCluster() {
        cluster = FakeCluster.start();
        cluster.deployService("shop", IMAGE, deployment -> deployment);
        FakeRollout rollout = new FakeRollout(cluster, "shop");
        rollout.pod(rollout.replicaSet(1, IMAGE), 1, true);
        env = Map.of("KUBECONFIG", cluster.writeKubeconfig(directory).toString());
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void shellWithYesShowsWhatRunsWhereThenStreamsTheOutput() {
        FakeExec exec = new FakeExec(cluster, ExecScript.exits(0, "Migrated to version 4."));

        Cli.Result result = Cli.run(env, directory, "migrate", "--strategy", "shell", "--service", "shop", "--yes");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Run in cluster", "pod shop-rev1-pod1", "image " + IMAGE,
                "Confirmed by --yes.", "[shop-rev1-pod1] Migrated to version 4.");
        assertThat(exec.calls()).hasSize(1);
    }

    @Test
    void shellWithoutATerminalAndWithoutYesRefusesAndRunsNothing() {
        FakeExec exec = new FakeExec(cluster, ExecScript.exits(0));

        Cli.Result result = Cli.run(env, directory, "migrate", "--strategy", "shell", "--service", "shop");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(20);
        assertThat(result.all()).contains("pod shop-rev1-pod1", "No terminal to ask for confirmation", "--yes");
        assertThat(exec.calls()).isEmpty();
    }

    @Test
    void shellAsksAtTheTerminalAndRunsOnlyOnYes() {
        FakeExec exec = new FakeExec(cluster, ExecScript.exits(0, "ok"));

        Cli.Result no = Cli.answering("n\n", env, directory, "migrate", "--strategy", "shell", "--service", "shop");
        assertThat(no.exitCode()).as(no.all()).isEqualTo(20);
        assertThat(no.all()).contains("Go ahead? [y/N]", "Not confirmed");
        assertThat(exec.calls()).isEmpty();

        Cli.Result yes = Cli.answering("y\n", env, directory, "migrate", "--strategy", "shell", "--service", "shop");
        assertThat(yes.exitCode()).as(yes.all()).isZero();
        assertThat(exec.calls()).hasSize(1);
    }

    @Test
    void shellPassesTheRemoteExitCodeOn() {
        new FakeExec(cluster, ExecScript.exits(3, "error: validation failed"));

        Cli.Result result = Cli.run(env, directory, "migrate", "--strategy", "shell", "--service", "shop", "--yes",
                "--", "opta-migrate", "validate");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(result.all()).contains("opta-migrate validate", "exit code 3");
    }

    @Test
    void aProtectedTargetNeedsYesEvenAtATerminal() throws Exception {
        TestDatabase database = POSTGRES.newDatabase();
        Path location = MigrationSets.copy("flyway", directory.resolve("migrations"));
        Files.writeString(directory.resolve("opta-migrate.yaml"), "protected: true\n");
        Map<String, String> password = Map.of("OPTA_MIGRATE_PASSWORD", PostgresExtension.APP_PASSWORD);
        String[] args = {"migrate", "--strategy", "external", "--url", "jdbc:postgresql://localhost:"
                + database.target().port() + "/" + database.name(), "--user", "app", "--location",
                location.toString()};

        Cli.Result refused = Cli.answering("y\n", password, directory, args);
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(20);
        assertThat(refused.all()).contains("is protected", "Will apply 4 migrations", "needs --yes");
        assertThat(database.hasTable("customers")).isFalse();

        String[] withYes = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--yes")).toArray(String[]::new);
        Cli.Result confirmed = Cli.run(password, directory, withYes);
        assertThat(confirmed.exitCode()).as(confirmed.all()).isZero();
        assertThat(confirmed.out()).contains("Preflight:", "Confirmed by --yes.");
        assertThat(database.hasTable("customers")).isTrue();
    }
}
