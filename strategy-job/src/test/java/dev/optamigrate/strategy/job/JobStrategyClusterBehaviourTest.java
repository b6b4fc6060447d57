package dev.optamigrate.strategy.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.spi.ExecutionReport;
import dev.optamigrate.kubernetes.KubernetesErrorCode;
import dev.optamigrate.kubernetes.KubernetesSetting;
import dev.optamigrate.kubernetes.testing.FakeKubelet;
import dev.optamigrate.kubernetes.testing.JobScenario;
import dev.optamigrate.kubernetes.testing.RestrictedProfile;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Job strategy against what a real cluster does and fabric8's CRUD mock alone does not: injected sidecars,
 * admission that refuses the pod, transient image pulls, OOM kills and evictions, retried pods, failing log
 * requests, API blips and lost nodes. Each test names the behaviour it models and where it is documented.
 */
@Timeout(60)
class JobStrategyClusterBehaviourTest {
    private static final String IMAGE = "registry.example.com/shop:v42";

    @TempDir
    Path directory;

    private JobClusterFixture fixture;

    @BeforeEach
    void startCluster() {
        fixture = new JobClusterFixture(directory);
        fixture.cluster.createDatabaseSecret("shop", "s3cret");
    }

    @AfterEach
    void stopCluster() {
        fixture.close();
    }

    /** Linkerd injects a proxy into every pod of an annotated namespace unless the pod opts out (linkerd.io). */
    @Test
    void theJobsPodOptsOutOfMeshInjection() {
        deploy(deployment -> deployment);
        fixture.cluster.client().namespaces().withName("shop").edit(namespace -> new NamespaceBuilder(namespace)
                .editMetadata().addToAnnotations("linkerd.io/inject", "enabled").endMetadata().build());
        fixture.kubelet.next(JobScenario.succeed("done\n"));

        ExecutionReport report = fixture.run();

        Job job = job(report.where());
        assertThat(job.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("linkerd.io/inject", "disabled").containsEntry("sidecar.istio.io/inject", "false");
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("sidecar.istio.io/inject", "false");
        assertThat(pod(fixture.kubelet.podOf(report.where())).getSpec().getContainers()).extracting(Container::getName)
                .containsExactly(MigrationJobFactory.CONTAINER);
    }

    /**
     * A sidecar that keeps running keeps the pod Running and the Job active after the migration ended
     * (linkerd2#1869, istio#11045): the outcome comes from the migrate container, and the Job is ended.
     */
    @Test
    void aSidecarThatKeepsRunningDoesNotHoldTheRun() {
        deploy(deployment -> deployment);
        fixture.kubelet.next(JobScenario.succeed("applied 1\n").withSidecar());

        ExecutionReport report = fixture.run();

        assertThat(fixture.remoteLines()).containsExactly("applied 1");
        assertThat(job(report.where())).as("the Job is ended so that the proxy stops").isNull();
        assertThat(warnings()).anyMatch(warning -> warning.contains(FakeKubelet.PROXY)
                && warning.contains("Service meshes"));
    }

    @Test
    void aFailedMigrationBesideASidecarFailsWithItsOwnExitCode() {
        deploy(deployment -> deployment);
        fixture.kubelet.next(JobScenario.fail(3, "error: syntax error at or near \"TABEL\"\n").withSidecar());

        assertThatThrownBy(fixture::run).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(CoreErrorCode.REMOTE_FAILED);
            assertThat(failure.exitCode()).isEqualTo(3);
            assertThat(failure.getMessage()).contains(FakeKubelet.PROXY + " still run");
        });
        assertThat(fixture.cluster.client().batch().v1().jobs().inNamespace("shop").list().getItems()).isEmpty();
    }

    /**
     * Pod Security admission refuses the pod, not the Job; the Job controller reports it only as FailedCreate
     * events on the Job (kubernetes.io/docs/concepts/security/pod-security-admission).
     */
    @Test
    void aPodTheClusterRefusesIsReportedWithTheAdmissionMessage() {
        deploy(deployment -> deployment);
        fixture.cluster.enforceRestricted("shop");
        fixture.kubelet.next(JobScenario.succeed("never runs\n"));

        assertThatThrownBy(() -> fixture.run(Map.of(KubernetesSetting.JOB_START_TIMEOUT, "1s"), List.of(), false))
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(JobErrorCode.POD_REJECTED);
                    assertThat(failure.exitCode()).isEqualTo(23);
                    assertThat(failure.getMessage()).contains("FailedCreate")
                            .contains("violates PodSecurity \"restricted:latest\"")
                            .contains("allowPrivilegeEscalation != false").contains("was deleted");
                });
        assertThat(fixture.cluster.client().batch().v1().jobs().inNamespace("shop").list().getItems()).isEmpty();
    }

    /** The same namespace admits the Job's pod when the Deployment it copies meets the profile. */
    @Test
    void aRestrictedNamespaceAdmitsTheJobWhenTheDeploymentMeetsTheProfile() {
        deploy(deployment -> deployment.editSpec().editTemplate().editSpec().withNewSecurityContext()
                .withRunAsNonRoot(true).withRunAsUser(10001L).withNewSeccompProfile().withType("RuntimeDefault")
                .endSeccompProfile().endSecurityContext().editFirstContainer().withNewSecurityContext()
                .withAllowPrivilegeEscalation(false).withNewCapabilities().addToDrop("ALL").endCapabilities()
                .endSecurityContext().endContainer().endSpec().endTemplate().endSpec());
        fixture.cluster.enforceRestricted("shop");
        fixture.kubelet.next(JobScenario.succeed("done\n"));

        PodSpec pod = job(fixture.run().where()).getSpec().getTemplate().getSpec();

        assertThat(RestrictedProfile.violations(pod)).isEmpty();
    }

    /** A Job whose controller never makes a pod (no event says why) does not wait for the deadline. */
    @Test
    void noPodWithinTheStartTimeoutEndsTheRun() {
        deploy(deployment -> deployment);

        assertThatThrownBy(() -> fixture.run(Map.of(KubernetesSetting.JOB_START_TIMEOUT, "1s"), List.of(), false))
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(JobErrorCode.POD_REJECTED);
                    assertThat(failure.getMessage()).contains("no pod yet");
                });
    }

    /** The kubelet retries a failed pull with back-off (ErrImagePull, then ImagePullBackOff): a blip passes. */
    @Test
    void oneFailedImagePullDoesNotEndTheRun() {
        deploy(deployment -> deployment);
        fixture.kubelet.next(JobScenario.transientImagePull("applied 1\n"));

        fixture.run();

        assertThat(fixture.progress()).anyMatch(line -> line.contains("ErrImagePull"));
        assertThat(fixture.remoteLines()).containsExactly("applied 1");
    }

    /** Init containers start first; one that cannot pull its image keeps migrate in PodInitializing. */
    @Test
    void anInitContainerThatCannotPullIsNamed() {
        deploy(deployment -> deployment);
        fixture.kubelet.next(JobScenario.initImagePullBackOff());

        assertThatThrownBy(fixture::run).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(KubernetesErrorCode.IMAGE_PULL_FAILED);
            assertThat(failure.getMessage()).contains("container wait-for-db").contains("busybox:does-not-exist");
        });
    }

    /** The kernel kills a container over its memory limit: reason OOMKilled, exit code 137. */
    @Test
    void anOomKillIsNamedWithItsFix() {
        deploy(deployment -> deployment);
        fixture.kubelet.next(JobScenario.oomKilled("building index ...\n"));

        assertThatThrownBy(fixture::run).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.exitCode()).isEqualTo(137);
            assertThat(failure.getMessage()).contains("OOMKilled");
            assertThat(failure.hint()).contains("memory limit");
        });
    }

    /** Node-pressure eviction sets the pod's reason Evicted and condition DisruptionTarget (kubernetes.io). */
    @Test
    void anEvictionIsNamed() {
        deploy(deployment -> deployment);
        fixture.kubelet.next(JobScenario.evicted("applying 2 ...\n"));

        assertThatThrownBy(fixture::run).isInstanceOfSatisfying(MigrateException.class, failure ->
                assertThat(failure.getMessage()).contains("pod Evicted: The node was low on resource: memory")
                        .contains("DisruptionTarget TerminationByKubelet"));
    }

    /** With a backoff limit, the Job controller runs a new pod after a failed one; both logs are shown. */
    @Test
    void logsAreFollowedAcrossRetriedPods() {
        deploy(deployment -> deployment);
        fixture.kubelet.next(JobScenario.retried(1, "connection reset\n", "applied 1\n"));

        fixture.run(Map.of(JobSetting.JOB_BACKOFF_LIMIT, "1"), List.of(), false);

        assertThat(fixture.remoteLines()).containsExactly("connection reset", "applied 1");
        assertThat(fixture.progress()).anyMatch(line -> line.contains("runs the migration again in pod"));
    }

    /**
     * A log request the API server cannot serve (the kubelet is unreachable) answers 500 with a Status body;
     * fabric8's LogWatch would print that body as log lines. Four failures outlast the client's own two retries.
     */
    @Test
    void aFailingLogRequestIsRetriedAndNeverShownAsOutput() {
        deploy(deployment -> deployment);
        fixture.kubelet.next(JobScenario.succeed("applied 1\napplied 2\n").withFailedLogReads(4));

        fixture.run();

        assertThat(fixture.remoteLines()).containsExactly("applied 1", "applied 2");
        assertThat(fixture.progress()).anyMatch(line -> line.contains("failed (HTTP 500")
                && line.contains("i/o timeout"));
    }

    /** An API server that restarts answers 503 for a while; the wait rides it out. */
    @Test
    void aBurstOfApiErrorsDoesNotEndTheWait() {
        deploy(deployment -> deployment);
        fixture.kubelet.next(JobScenario.succeed("applied 1\n"));
        fixture.cluster.failNext(request -> "GET".equals(request.getMethod())
                && request.getPath().matches("/apis/batch/v1/namespaces/shop/jobs/shop-migrate-[a-z0-9]+"), 503, 8);

        fixture.run();

        assertThat(fixture.progress()).anyMatch(line -> line.contains("HTTP 503") && line.contains("trying again"));
    }

    /** A pod on a lost node stays terminating until the node returns; the run does not wait for the deadline. */
    @Test
    void aPodStuckTerminatingDoesNotHoldTheRun() {
        deploy(deployment -> deployment);
        fixture.kubelet.next(JobScenario.stuckTerminating("applying 1 ...\n"));

        assertThatThrownBy(fixture::run).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(CoreErrorCode.REMOTE_FAILED);
            assertThat(failure.getMessage()).contains("has been terminating").contains("outcome is unknown");
        });
    }

    /**
     * Required pod anti-affinity against the service's own pods could leave the Job's pod nowhere to run; node
     * affinity is about nodes and is kept. Pod labels are copied but for the Deployment's selector.
     */
    @Test
    void nodeAffinityAndNonSelectorLabelsAreCopiedPodAffinityAndSelectorLabelsAreNot() {
        deploy(deployment -> deployment.editSpec().editTemplate().editMetadata().addToLabels("team", "payments")
                .addToLabels("pod-template-hash", "abc123").endMetadata()
                .editSpec().withNewAffinity()
                .withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm()
                .addNewMatchExpression().withKey("pool").withOperator("In").withValues("apps").endMatchExpression()
                .endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity()
                .withNewPodAntiAffinity().addNewRequiredDuringSchedulingIgnoredDuringExecution()
                .withTopologyKey("kubernetes.io/hostname").withNewLabelSelector().addToMatchLabels("app", "shop")
                .endLabelSelector().endRequiredDuringSchedulingIgnoredDuringExecution().endPodAntiAffinity()
                .endAffinity().endSpec().endTemplate().endSpec());
        fixture.kubelet.next(JobScenario.succeed("done\n"));

        Job job = job(fixture.run().where());

        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getAffinity().getNodeAffinity()).isNotNull();
        assertThat(pod.getAffinity().getPodAntiAffinity()).isNull();
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("team", "payments")
                .doesNotContainKeys("app", "pod-template-hash");
        assertThat(fixture.progress()).anyMatch(line -> line.startsWith("Not copied from Deployment shop")
                && line.contains("anti-affinity") && line.contains("(app)"));
    }

    private void deploy(UnaryOperator<DeploymentBuilder> customizer) {
        fixture.cluster.deployService("shop", IMAGE, customizer);
    }

    private List<String> warnings() {
        return fixture.events.stream().filter(MigrationEvent.Warning.class::isInstance)
                .map(event -> ((MigrationEvent.Warning) event).message()).toList();
    }

    private Job job(String name) {
        return fixture.cluster.client().batch().v1().jobs().inNamespace("shop").withName(name).get();
    }

    private Pod pod(String name) {
        return fixture.cluster.client().pods().inNamespace("shop").withName(name).get();
    }
}
