package dev.optamigrate.strategy.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.settings.SettingsLoader;
import dev.optamigrate.core.spi.Confirmation;
import dev.optamigrate.core.spi.ExecutionReport;
import dev.optamigrate.core.spi.MigrationRequest;
import dev.optamigrate.kubernetes.KubernetesErrorCode;
import dev.optamigrate.kubernetes.KubernetesSetting;
import dev.optamigrate.kubernetes.MigrationLease;
import dev.optamigrate.kubernetes.RunStory;
import dev.optamigrate.kubernetes.testing.ExecScript;
import dev.optamigrate.kubernetes.testing.FakeCluster;
import dev.optamigrate.kubernetes.testing.FakeExec;
import dev.optamigrate.kubernetes.testing.FakeRollout;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell strategy against fabric8's mock API server in CRUD mode, with the kubelet's exec played by a test helper.
 */
class ShellStrategyTest {
    private static final String IMAGE = "registry.example.com/shop:v42";

    @TempDir
    Path directory;

    private FakeCluster cluster;
    private FakeRollout rollout;
    private ReplicaSet current;
    private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> confirmed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startCluster() {
        cluster = FakeCluster.start();
        cluster.deployService("shop", IMAGE, deployment -> deployment);
        rollout = new FakeRollout(cluster, "shop");
        current = rollout.replicaSet(2, IMAGE);
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void runsInAReadyPodOfTheNewestReplicaSetAndStreamsItsOutput() {
        rollout.pod(current, 1, false);
        rollout.pod(current, 2, true);
        FakeExec exec = new FakeExec(cluster, ExecScript.exits(0, "Migrating app with flyway", "Done.")
                .withStderr("warning: slow disk"));

        ExecutionReport report = run(List.of());

        assertThat(report.where()).isEqualTo("pod shop-rev2-pod2");
        assertThat(exec.calls()).singleElement().satisfies(call -> {
            assertThat(call.pod()).isEqualTo("shop-rev2-pod2");
            assertThat(call.container()).isEqualTo("k8s-service");
            assertThat(call.command()).startsWith("env", "OPTA_MIGRATE_STRATEGY=local")
                    .contains("OPTA_MIGRATE_RELEASE=" + IMAGE, "OPTA_MIGRATE_RUNNING_RELEASE=" + IMAGE + "=2")
                    .endsWith("opta-migrate", "migrate");
        });
        assertThat(remote()).containsExactly("shop-rev2-pod2: Migrating app with flyway", "shop-rev2-pod2: Done.",
                "shop-rev2-pod2 stderr: warning: slow disk");
        assertThat(confirmed).singleElement().satisfies(summary -> assertThat(summary)
                .contains("namespace shop", "pod shop-rev2-pod2", "image " + IMAGE, "container k8s-service",
                        FakeCluster.CONTEXT, "opta-migrate migrate"));
    }

    @Test
    void aRemoteNonZeroExitBecomesOurExitCode() {
        rollout.pod(current, 1, true);
        new FakeExec(cluster, ExecScript.exits(5, "error: gave up waiting for the migration lock"));

        assertThatThrownBy(() -> run(List.of("./do_migration.sh"))).isInstanceOfSatisfying(MigrateException.class,
                failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.REMOTE_FAILED);
                    assertThat(failure.exitCode()).isEqualTo(5);
                    assertThat(failure.getMessage()).contains("shop-rev2-pod1", "exit code 5");
                });
        assertThat(remote()).containsExactly("shop-rev2-pod1: error: gave up waiting for the migration lock");
    }

    @Test
    void aLostExecChannelSaysSoAndThatTheCommandMayStillRun() {
        rollout.pod(current, 1, true);
        new FakeExec(cluster, ExecScript.channelLost("Migrating 3 of 7"));

        assertThatThrownBy(() -> run(List.of())).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(CoreErrorCode.REMOTE_FAILED);
            assertThat(failure.exitCode()).isEqualTo(CoreErrorCode.REMOTE_FAILED.exitCode());
            assertThat(failure.getMessage()).contains("closed without an exit code");
            assertThat(failure.hint()).contains("may still be running", "status");
        });
        assertThat(remote()).containsExactly("shop-rev2-pod1: Migrating 3 of 7");
    }

    @Test
    void aRolloutWithMixedImagesIsRefusedNamingTheImages() {
        ReplicaSet older = rollout.replicaSet(1, "registry.example.com/shop:v41");
        rollout.pod(older, 1, true);
        rollout.pod(current, 1, true);
        FakeExec exec = new FakeExec(cluster, ExecScript.exits(0));

        assertThatThrownBy(() -> run(List.of())).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(ShellErrorCode.ROLLOUT_IN_PROGRESS);
            assertThat(failure.getMessage()).contains("registry.example.com/shop:v41 (1 pod)", IMAGE + " (1 pod)");
        });
        assertThat(exec.calls()).isEmpty();
        assertThat(confirmed).isEmpty();
    }

    @Test
    void anOlderReplicaSetStillRunningIsARolloutEvenWithTheSameImage() {
        rollout.pod(rollout.replicaSet(1, IMAGE), 1, true);
        rollout.pod(current, 1, true);

        assertThatThrownBy(() -> run(List.of())).isInstanceOfSatisfying(MigrateException.class, failure ->
                assertThat(failure.getMessage()).contains("older ReplicaSet than shop-rev2"));
    }

    @Test
    void noReadyPodIsRefusedWithWhatWasSeen() {
        rollout.pod(current, 1, false);
        FakeExec exec = new FakeExec(cluster, ExecScript.exits(0));

        assertThatThrownBy(() -> run(List.of())).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(ShellErrorCode.NO_READY_POD);
            assertThat(failure.getMessage()).contains("shop-rev2-pod1 Running, not Ready");
        });
        assertThat(exec.calls()).isEmpty();
    }

    @Test
    void aLeaseHeldBySomeoneElseRefusesAndNamesTheHolder() {
        rollout.pod(current, 1, true);
        FakeExec exec = new FakeExec(cluster, ExecScript.exits(0));
        try (MigrationLease other = MigrationLease.acquire(cluster.client(), "shop", "shop",
                "bob@ci (strategy job, pid 9)", Duration.ofSeconds(60), Duration.ofMillis(200), notice -> { })) {
            assertThatThrownBy(() -> run(List.of())).isInstanceOfSatisfying(MigrateException.class, failure -> {
                assertThat(failure.code()).isEqualTo(KubernetesErrorCode.MIGRATION_IN_PROGRESS);
                assertThat(failure.getMessage()).contains("bob@ci (strategy job, pid 9)");
            });
        }
        assertThat(exec.calls()).isEmpty();
    }

    @Test
    void theLeaseIsHeldWhileTheCommandRunsAndReleasedAfterAFailure() {
        rollout.pod(current, 1, true);
        List<String> holders = new CopyOnWriteArrayList<>();
        new FakeExec(cluster, ExecScript.exits(1, "boom").whileRunning(() -> MigrationLease.holder(cluster.client(),
                "shop", "shop").ifPresent(holder -> holders.add(holder.identity()))));

        assertThatThrownBy(() -> run(List.of())).isInstanceOf(MigrateException.class);

        assertThat(holders).singleElement().satisfies(holder -> assertThat(holder).startsWith("tester@")
                .contains("strategy shell"));
        assertThat(MigrationLease.holder(cluster.client(), "shop", "shop")).isEmpty();
        assertThat(cluster.client().v1().events().inAnyNamespace().list().getItems()).filteredOn(event ->
                RunStory.COMPONENT.equals(event.getSource().getComponent())).allSatisfy(event -> {
                    assertThat(event.getInvolvedObject().getKind()).isEqualTo("Lease");
                    assertThat(event.getInvolvedObject().getName()).isEqualTo(MigrationLease.name("shop"));
                }).extracting(Event::getReason).containsExactly("MigrationStarted", "MigrationFailed");
    }

    @Test
    void aDeploymentChangedWhileTheCommandRanIsWarnedAbout() {
        rollout.pod(current, 1, true);
        new FakeExec(cluster, ExecScript.exits(0).whileRunning(() -> cluster.client().apps().deployments()
                .inNamespace("shop").withName("shop").edit(deployment -> {
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0)
                            .setImage("registry.example.com/shop:v43");
                    return deployment;
                })));

        run(List.of());

        assertThat(events).filteredOn(MigrationEvent.Warning.class::isInstance)
                .singleElement().satisfies(warning -> assertThat(((MigrationEvent.Warning) warning).message())
                        .contains("changed while the command ran", IMAGE + " -> registry.example.com/shop:v43"));
    }

    @Test
    void nothingRunsWhenTheConfirmationIsRefused() {
        rollout.pod(current, 1, true);
        FakeExec exec = new FakeExec(cluster, ExecScript.exits(0));
        Settings settings = settings();
        MigratorConfiguration configuration = MigratorConfiguration.from(settings).operator("tester");

        assertThatThrownBy(() -> new ShellStrategy(Duration.ofSeconds(30)).execute(new MigrationRequest(
                configuration.readOnly(), ShellStrategyProvider.NAME, settings, List.of(), false)))
                .isInstanceOfSatisfying(MigrateException.class, failure ->
                        assertThat(failure.code()).isEqualTo(CoreErrorCode.NOT_CONFIRMED));
        assertThat(exec.calls()).isEmpty();
        assertThat(MigrationLease.holder(cluster.client(), "shop", "shop")).isEmpty();
    }

    /**
     * fabric8 opens exec over WebSocket; the API server authorises that upgrade as get on pods/exec
     * (kubernetes#125571), so a Role with only create is refused.
     */
    @Test
    void anExecRefusedForWantOfGetNamesThePermission() {
        rollout.pod(current, 1, true);
        new FakeExec(cluster, ExecScript.exits(0));
        cluster.grantStreaming("pods/exec", "create");

        assertThatThrownBy(() -> run(List.of())).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(KubernetesErrorCode.KUBERNETES_FORBIDDEN);
            assertThat(failure.getMessage()).contains("Kubernetes refused to run a command").contains("HTTP 403");
            assertThat(failure.hint()).contains("get and create on pods/exec").contains("--for shell");
        });
    }

    /** A command that cannot start ends with a Failure status whose message says why, and no exit code. */
    @Test
    void anExecThatCannotStartKeepsTheRuntimesMessage() {
        rollout.pod(current, 1, true);
        new FakeExec(cluster, ExecScript.cannotStart("OCI runtime exec failed: exec failed: unable to start "
                + "container process: exec: \"opta-migrate\": executable file not found in $PATH: unknown"));

        assertThatThrownBy(() -> run(List.of())).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(CoreErrorCode.REMOTE_FAILED);
            assertThat(failure.getMessage()).contains("could not run the command")
                    .contains("executable file not found in $PATH");
            assertThat(failure.hint()).contains("PATH");
        });
    }

    /**
     * A paused Deployment keeps its observed generation current but rolls nothing out; kubectl rollout status
     * waits on it. A pod of its newest ReplicaSet would run the old image.
     */
    @Test
    void aPausedDeploymentWithAChangeNotRolledOutIsRefused() {
        rollout.pod(current, 1, true);
        cluster.client().apps().deployments().inNamespace("shop").withName("shop").edit(deployment ->
                new DeploymentBuilder(deployment).editSpec().withPaused(true).editTemplate().editSpec()
                        .editFirstContainer().withImage("registry.example.com/shop:v43").endContainer().endSpec()
                        .endTemplate().endSpec().build());
        FakeExec exec = new FakeExec(cluster, ExecScript.exits(0));

        assertThatThrownBy(() -> run(List.of())).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(ShellErrorCode.ROLLOUT_IN_PROGRESS);
            assertThat(failure.getMessage()).contains("is paused").contains("registry.example.com/shop:v43")
                    .contains("runs " + IMAGE);
            assertThat(failure.hint()).contains("kubectl rollout resume deployment/shop");
        });
        assertThat(exec.calls()).isEmpty();
    }

    /** The Deployment controller marks a rollout that stopped progressing: Progressing, ProgressDeadlineExceeded. */
    @Test
    void aRolloutPastItsProgressDeadlineIsAFailedRollout() {
        rollout.pod(current, 1, true);
        cluster.client().apps().deployments().inNamespace("shop").withName("shop").editStatus(deployment ->
                new DeploymentBuilder(deployment).withNewStatus().addNewCondition().withType("Progressing")
                        .withStatus("False").withReason("ProgressDeadlineExceeded")
                        .withMessage("ReplicaSet \"shop-rev2\" has timed out progressing.").endCondition()
                        .endStatus().build());

        assertThatThrownBy(() -> run(List.of())).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(ShellErrorCode.ROLLOUT_FAILED);
            assertThat(failure.exitCode()).isEqualTo(25);
            assertThat(failure.getMessage()).contains("failed its rollout").contains("timed out progressing");
        });
    }

    /** A selector's matchExpressions count as much as its matchLabels: a canary's pods are not the service's. */
    @Test
    void theSelectorsMatchExpressionsAreHonoured() {
        cluster.client().apps().deployments().inNamespace("shop").withName("shop").edit(deployment ->
                new DeploymentBuilder(deployment).editSpec().editSelector().addNewMatchExpression().withKey("track")
                        .withOperator("In").withValues("stable").endMatchExpression().endSelector().endSpec().build());
        label(rollout.pod(current, 1, true).getMetadata().getName(), "stable");
        label(rollout.pod(rollout.replicaSet(1, "registry.example.com/shop:canary"), 1, true).getMetadata()
                .getName(), "canary");
        FakeExec exec = new FakeExec(cluster, ExecScript.exits(0));

        run(List.of());

        assertThat(exec.calls()).singleElement().satisfies(call -> assertThat(call.pod()).isEqualTo("shop-rev2-pod1"));
    }

    /** A pod whose node stopped answering is in phase Unknown; it is reported, not counted or waited on. */
    @Test
    void aPodOnALostNodeIsReportedNotWaitedOn() {
        rollout.pod(current, 1, true);
        String lost = rollout.pod(rollout.replicaSet(1, "registry.example.com/shop:v41"), 1, true).getMetadata()
                .getName();
        cluster.client().pods().inNamespace("shop").withName(lost).editStatus(pod -> new PodBuilder(pod)
                .editStatus().withPhase("Unknown").endStatus().build());
        new FakeExec(cluster, ExecScript.exits(0));

        run(List.of());

        assertThat(events).filteredOn(MigrationEvent.Warning.class::isInstance).anySatisfy(warning ->
                assertThat(((MigrationEvent.Warning) warning).message()).contains(lost).contains("phase Unknown"));
    }

    private void label(String pod, String track) {
        cluster.client().pods().inNamespace("shop").withName(pod).edit(current -> new PodBuilder(current)
                .editMetadata().addToLabels("track", track).endMetadata().build());
    }

    private ExecutionReport run(List<String> command) {
        Settings settings = settings();
        MigratorConfiguration configuration = MigratorConfiguration.from(settings).addListener(events::add)
                .operator("tester").confirmation(new Confirmation() {
                    @Override
                    public void confirm(String summary) {
                        confirmed.add(summary);
                    }

                    @Override
                    public void requireUpFront(String summary) {
                        confirm(summary);
                    }
                });
        return new ShellStrategy(Duration.ofSeconds(30)).execute(new MigrationRequest(configuration.readOnly(),
                ShellStrategyProvider.NAME, settings, command, false));
    }

    private Settings settings() {
        return SettingsLoader.load(Map.of(KubernetesSetting.SERVICE, "shop"), Map.of("KUBECONFIG",
                cluster.writeKubeconfig(directory).toString()), Optional.empty(), directory);
    }

    private List<String> remote() {
        return events.stream().filter(MigrationEvent.RemoteOutput.class::isInstance)
                .map(event -> (MigrationEvent.RemoteOutput) event).map(output -> output.source() + ": " + output.line())
                .toList();
    }
}
