package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.kubernetes.testing.FakeCluster;
import dev.optamigrate.kubernetes.testing.FakeKubelet;
import dev.optamigrate.kubernetes.testing.JobScenario;
import dev.optamigrate.kubernetes.MigrationLease;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job strategy and the `job` and `generate` verbs, end to end against the mock API server. */
class JobCommandsTest {
    private static final String PASSWORD = "s3cret-in-the-Secret-only";

    @TempDir
    Path directory;

    private FakeCluster cluster;
    private FakeKubelet kubelet;
    private Map<String, String> env;

    @BeforeEach
    void startCluster() {
        cluster = FakeCluster.start();
        kubelet = new FakeKubelet(cluster);
        cluster.deployService("shop", "registry.example.com/shop:v42", deployment -> deployment);
        cluster.createDatabaseSecret("shop", PASSWORD);
        env = Map.of("KUBECONFIG", cluster.writeKubeconfig(directory).toString());
    }

    @AfterEach
    void stopCluster() {
        kubelet.close();
        cluster.close();
    }

    @Test
    void migrateWithTheJobStrategyStreamsTheLogAndSucceeds() {
        kubelet.next(JobScenario.succeed("Migrated from empty to version 4: 4 migrations.\n"));

        Cli.Result result = Cli.run(env, directory, "migrate", "--strategy", "job", "--service", "shop");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Created Job shop-migrate-").contains("image registry.example.com/shop:v42")
                .containsPattern("\\[shop-migrate-[a-z0-9]+-[a-z0-9]+\\] Migrated from empty to version 4")
                .contains("succeeded.");
    }

    @Test
    void theContainersExitCodeBecomesTheCommandsExitCode() {
        kubelet.next(JobScenario.fail(5, "error: gave up waiting for the migration lock\n"));

        Cli.Result result = Cli.run(env, directory, "migrate", "--strategy", "job", "--service", "shop");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("exited with code 5").contains("hint:");
    }

    @Test
    void theJsonErrorCarriesThePassedOnExitCode() {
        kubelet.next(JobScenario.fail(5, "error: gave up waiting for the migration lock\n"));

        Cli.Result result = Cli.run(env, directory, "migrate", "--strategy", "job", "--service", "shop", "--output",
                "json");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.out()).contains("\"type\":\"error\"").contains("\"code\":\"REMOTE_FAILED\"")
                .contains("\"exitCode\":5");
    }

    @Test
    void detachThenFollowUpWithJobStatusAndLogs() {
        kubelet.next(JobScenario.keepRunning("applying 3 add index ...\n"));

        Cli.Result started = Cli.run(env, directory, "migrate", "--strategy", "job", "--service", "shop", "--detach",
                "--output", "json");

        assertThat(started.exitCode()).as(started.err()).isZero();
        String name = cluster.client().batch().v1().jobs().inNamespace("shop").list().getItems().get(0)
                .getMetadata().getName();
        assertThat(started.out()).contains("\"type\":\"progress\"").contains(name);
        awaitPod(name);
        Cli.Result status = Cli.run(env, directory, "job", "status", name, "--service", "shop", "--output", "json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("\"phase\":\"running\"").contains("\"job\":\"" + name + "\"");
        Cli.Result logs = Cli.run(env, directory, "job", "logs", name, "--service", "shop");
        assertThat(logs.out()).isEqualTo("applying 3 add index ..." + System.lineSeparator());
    }

    @Test
    void guardIsFreeWithoutMigrationAndNamesTheHolderOfTheLeaseOrTheUnfinishedJob() {
        Cli.Result free = Cli.run(env, directory, "guard", "--service", "shop", "--output", "json");
        assertThat(free.exitCode()).as(free.err()).isZero();
        assertThat(free.out()).contains("\"free\":true");

        try (MigrationLease held = MigrationLease.acquire(cluster.client(), "shop", "shop", "alice@laptop (shell)",
                Duration.ofSeconds(60), Duration.ofMillis(200), notice -> { })) {
            Cli.Result refused = Cli.run(env, directory, "guard", "--service", "shop");
            assertThat(refused.exitCode()).isEqualTo(12);
            assertThat(refused.err()).contains("watching it for up to 60 s").contains("held by alice@laptop (shell)");
        }

        kubelet.next(JobScenario.keepRunning("applying 1 ...\n"));
        Cli.Result detached = Cli.run(env, directory, "migrate", "--strategy", "job", "--service", "shop",
                "--detach");
        assertThat(detached.exitCode()).as(detached.err()).isZero();
        Cli.Result running = Cli.run(env, directory, "guard", "--service", "shop");
        assertThat(running.exitCode()).isEqualTo(12);
        assertThat(running.err()).contains("Migration Job shop-migrate-").contains("still running");
    }

    @Test
    void generateJobCopiesTheDeploymentButNeverTheSecretsValue() {
        Cli.Result result = Cli.run(env, directory, "generate", "job", "--service", "shop");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("# Create it with `kubectl create -f`").doesNotContain(PASSWORD)
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(PASSWORD.getBytes()));
        Job job = Serialization.unmarshal(result.out(), Job.class);
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/shop:v42");
    }

    @Test
    void everyGenerateVerbTakesTheMigratorImage() {
        for (String verb : List.of("job", "helm-hook", "argocd-hook", "opta")) {
            Cli.Result result = Cli.run(env, directory, "generate", verb, "--service", "shop", "--migrator-image",
                    "ghcr.io/acme/opta-migrate:0.1.0", "--migrations-path", "/app/db/migration");

            assertThat(result.exitCode()).as(verb + ": " + result.err()).isZero();
            assertThat(result.out()).as(verb).contains("image: ghcr.io/acme/opta-migrate:0.1.0")
                    .contains("name: copy-migrations").contains("- /app/db/migration/.").contains("emptyDir: {}")
                    .doesNotContain(PASSWORD);
        }
    }

    @Test
    void aMigratorImageWithoutItsPathIsAClearError() {
        Cli.Result result = Cli.run(env, directory, "generate", "job", "--service", "shop", "--migrator-image",
                "ghcr.io/acme/opta-migrate:0.1.0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--migrations-path").doesNotContain("Exception");
    }

    /** Helm waits for a hook only as long as its --timeout, 5 m by default (helm.sh/docs/topics/charts_hooks). */
    @Test
    void theHelmHookTellsToRaiseHelmsTimeoutToTheJobsDeadline() {
        Cli.Result result = Cli.run(Map.of(), directory, "generate", "helm-hook", "--service", "shop",
                "--job-deadline", "2h");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("--timeout 7200s (the Job's deadline)");
        Job job = Serialization.unmarshal(result.out(), Job.class);
        assertThat(job.getMetadata().getNamespace()).isEqualTo("{{ .Release.Namespace }}");
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(7200);
    }

    @Test
    void generateRbacWritesTheRole() {
        Cli.Result result = Cli.run(Map.of(), directory, "generate", "rbac", "--service", "shop");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Serialization.unmarshal(result.out(), Role.class).getMetadata().getNamespace()).isEqualTo("shop");
    }

    @Test
    void anUnknownContextIsAClearError() {
        Cli.Result result = Cli.run(env, directory, "migrate", "--strategy", "job", "--service", "shop",
                "--context", "production");

        assertThat(result.exitCode()).isEqualTo(10);
        assertThat(result.err()).contains("no context 'production'").contains("kubectl config get-contexts")
                .doesNotContain("Exception");
    }

    @Test
    void theJobStrategyNeedsTheService() {
        Cli.Result result = Cli.run(env, directory, "migrate", "--strategy", "job");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("needs the service's name").contains("--service");
    }

    @Test
    void detachNeedsAStrategyThatRunsElsewhere() {
        Cli.Result result = Cli.run(env, directory, "migrate", "--embedded", "--detach");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--detach needs a strategy that runs elsewhere");
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitPod(String job) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (kubelet.podOf(job) == null || !"Running".equals(cluster.client().pods().inNamespace("shop")
                .withName(kubelet.podOf(job)).get().getStatus().getPhase())) {
            assertThat(System.nanoTime()).as("pod of " + job + " running").isLessThan(deadline);
            sleep();
        }
    }
}
