package dev.optamigrate.strategy.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.spi.ExecutionReport;
import dev.optamigrate.kubernetes.KubernetesErrorCode;
import dev.optamigrate.kubernetes.KubernetesSetting;
import dev.optamigrate.kubernetes.MigrationLease;
import dev.optamigrate.kubernetes.RunStory;
import dev.optamigrate.kubernetes.testing.FakeRollout;
import dev.optamigrate.kubernetes.testing.JobScenario;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobStrategyTest {
    private static final String IMAGE = "registry.example.com/shop:v42";
    private static final String PASSWORD = "pr0d-Pa55word-never-shown";

    @TempDir
    Path directory;

    private JobClusterFixture fixture;

    @BeforeEach
    void startCluster() {
        fixture = new JobClusterFixture(directory);
        fixture.cluster.deployService("shop", IMAGE, deployment -> deployment.editSpec().editTemplate().editSpec()
                .withServiceAccountName("shop-sa")
                .addNewImagePullSecret("registry-credentials")
                .addNewToleration().withKey("dedicated").withOperator("Equal").withValue("shop")
                .withEffect("NoSchedule").endToleration()
                .addToNodeSelector("pool", "apps")
                .endSpec().endTemplate().endSpec());
        fixture.cluster.createDatabaseSecret("shop", PASSWORD);
    }

    @AfterEach
    void stopCluster() {
        fixture.close();
    }

    @Test
    void runsTheJobFromTheCurrentImageAndStreamsItsLog() {
        fixture.kubelet.next(JobScenario.succeed("Migrating app with flyway\n  applied 1 create orders\nDone.\n"));

        ExecutionReport report = fixture.run();

        assertThat(report.where()).startsWith("shop-migrate-");
        assertThat(fixture.remoteLines()).containsExactly("Migrating app with flyway", "  applied 1 create orders",
                "Done.");
        assertThat(fixture.progress()).anyMatch(line -> line.contains("Created Job " + report.where()))
                .anyMatch(line -> line.contains("succeeded"));
        Job job = job(report.where());
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getContainers().get(0).getImage()).isEqualTo(IMAGE);
        assertThat(pod.getContainers().get(0).getCommand()).containsExactly("opta-migrate", "migrate");
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(3600);
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(86400);
        assertThat(job.getMetadata().getLabels()).containsEntry(JobLabels.SERVICE, "shop");
        assertThat(job.getMetadata().getAnnotations()).containsEntry(JobLabels.OPERATOR, "tester");
    }

    @Test
    void theRunsStoryIsWrittenAsEventsOnTheJob() {
        fixture.kubelet.next(JobScenario.succeed("Done.\n"));
        ExecutionReport succeeded = fixture.run(Map.of(CoreSetting.RELEASE, "shop:v42", CoreSetting.STANDBY,
                "alice"), List.of(), false);
        fixture.kubelet.next(JobScenario.fail(5, "error: boom\n"));
        assertThatThrownBy(fixture::run).isInstanceOf(MigrateException.class);

        List<Event> story = fixture.cluster.client().v1().events().inAnyNamespace().list().getItems().stream()
                .filter(event -> RunStory.COMPONENT.equals(event.getSource().getComponent()))
                .filter(event -> event.getMetadata().getNamespace().equals("shop")).toList();
        assertThat(story).filteredOn(event -> event.getInvolvedObject().getName().equals(succeeded.where()))
                .extracting(Event::getReason).containsExactly("MigrationStarted", "MigrationSucceeded");
        assertThat(story).filteredOn(event -> event.getReason().equals("MigrationStarted")).first()
                .satisfies(event -> {
                    assertThat(event.getInvolvedObject().getKind()).isEqualTo("Job");
                    assertThat(event.getMessage()).contains("tester@", "Job " + succeeded.where(),
                            "release shop:v42", "standby alice").doesNotContain(PASSWORD, "operator");
                });
        assertThat(story).filteredOn(event -> event.getReason().equals("MigrationFailed")).singleElement()
                .satisfies(event -> {
                    assertThat(event.getType()).isEqualTo("Warning");
                    assertThat(event.getMessage()).contains("exited with code 5");
                });
    }

    @Test
    void copiesServiceAccountPullSecretsTolerationsAndNodeSelector() {
        fixture.kubelet.next(JobScenario.succeed("ok\n"));

        PodSpec pod = job(fixture.run().where()).getSpec().getTemplate().getSpec();

        assertThat(pod.getServiceAccountName()).isEqualTo("shop-sa");
        assertThat(pod.getImagePullSecrets()).extracting("name").containsExactly("registry-credentials");
        assertThat(pod.getTolerations()).singleElement().satisfies(toleration -> {
            assertThat(toleration.getKey()).isEqualTo("dedicated");
            assertThat(toleration.getEffect()).isEqualTo("NoSchedule");
        });
        assertThat(pod.getNodeSelector()).containsEntry("pool", "apps");
    }

    @Test
    void credentialsAreOnlyReferencedNeverCopied() {
        fixture.kubelet.next(JobScenario.succeed("ok\n"));

        Job job = job(fixture.run(Map.of(CoreSetting.RELEASE, "v42"), List.of(), false).where());

        List<EnvVar> environment = job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertThat(environment).filteredOn(variable -> variable.getName().startsWith("DB"))
                .extracting(EnvVar::getName).containsExactlyInAnyOrder("DBHOST", "DBNAME", "DBUSER", "DBPASS");
        assertThat(environment).filteredOn(variable -> variable.getName().startsWith("DB"))
                .allSatisfy(variable -> {
                    assertThat(variable.getValue()).isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("secret");
                });
        assertThat(environment).anySatisfy(variable -> {
            assertThat(variable.getName()).isEqualTo("OPTA_MIGRATE_RELEASE");
            assertThat(variable.getValue()).isEqualTo("v42");
        });
        String stored = Serialization.asYaml(job);
        assertThat(stored).doesNotContain(PASSWORD)
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(PASSWORD.getBytes()));
    }

    /** A run the target's conduct refuses is refused before the Job exists: no Job, nothing to clean up. */
    @Test
    void aRunWithoutStandbyOutsideTheWindowOrWithALocalReceiptCreatesNoJob() {
        assertThatThrownBy(() -> fixture.run(Map.of(CoreSetting.STANDBY, "required"), List.of(), false))
                .isInstanceOfSatisfying(MigrateException.class, failure -> assertThat(failure.code())
                        .isEqualTo(CoreErrorCode.CONFIGURATION));
        String closedNow = LocalDate.now(ZoneOffset.UTC).plusDays(3).getDayOfWeek().name()
                .substring(0, 3) + " 00:00-00:01 UTC";
        assertThatThrownBy(() -> fixture.run(Map.of(CoreSetting.WINDOWS, closedNow), List.of(), false))
                .isInstanceOfSatisfying(MigrateException.class, failure -> assertThat(failure.code())
                        .isEqualTo(CoreErrorCode.OUTSIDE_WINDOW));
        assertThatThrownBy(() -> fixture.run(Map.of(CoreSetting.REHEARSAL_RECEIPT, "staging-receipt.json"),
                List.of(), false)).isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
                    assertThat(failure.getMessage()).contains("staging-receipt.json is a file on this machine");
                    assertThat(failure.hint()).contains("rehearsal-url", "OPTA_MIGRATE_REHEARSAL_PASSWORD");
                });

        assertThat(fixture.cluster.client().batch().v1().jobs().inNamespace("shop").list().getItems()).isEmpty();
    }

    /** The contract gate in the Job compares against what serves traffic: the images of the Deployment's pods. */
    @Test
    void theJobCarriesTheImagesOfTheServicesPodsAsRunningReleases() {
        FakeRollout rollout = new FakeRollout(fixture.cluster, "shop");
        ReplicaSet older = rollout.replicaSet(1, "registry.example.com/shop:v41");
        ReplicaSet current = rollout.replicaSet(2, IMAGE);
        rollout.pod(older, 1, true);
        rollout.pod(current, 1, true);
        rollout.pod(current, 2, false);
        fixture.kubelet.next(JobScenario.succeed("ok\n"));

        Job job = job(fixture.run(Map.of(CoreSetting.RUNNING_RELEASE, "registry.example.com/shop:v40"), List.of(),
                false).where());

        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()).anySatisfy(variable -> {
            assertThat(variable.getName()).isEqualTo("OPTA_MIGRATE_RUNNING_RELEASE");
            assertThat(variable.getValue()).isEqualTo("registry.example.com/shop:v40,registry.example.com/shop:v41=1,"
                    + IMAGE + "=2");
        });
        assertThat(fixture.progress()).anyMatch(line -> line.equals("Releases serving traffic, for the contract "
                + "gate: 1 pod runs registry.example.com/shop:v41, 2 pods run " + IMAGE + "."));
    }

    @Test
    void aMigratorImageRunsOnTheMigrationsCopiedFromTheCurrentImage() {
        fixture.kubelet.next(JobScenario.succeed("ok\n"));
        String migrator = "registry.example.com/opta-migrate:0.1.0";

        ExecutionReport report = fixture.run(Map.of(JobSetting.MIGRATOR_IMAGE, migrator, JobSetting.MIGRATIONS_PATH,
                "/app/db/migration"), List.of(), false);

        Job job = job(report.where());
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getInitContainers()).singleElement().satisfies(copy -> {
            assertThat(copy.getImage()).isEqualTo(IMAGE);
            assertThat(copy.getCommand()).containsExactly("cp", "-R", "/app/db/migration/.",
                    MigratorImage.MOUNT_PATH);
        });
        assertThat(pod.getContainers().get(0).getImage()).isEqualTo(migrator);
        assertThat(pod.getContainers().get(0).getEnv()).filteredOn(variable -> variable.getName().startsWith("DB"))
                .hasSize(4).allSatisfy(variable -> assertThat(variable.getValueFrom().getSecretKeyRef().getName())
                        .isEqualTo("secret"));
        assertThat(pod.getVolumes()).singleElement().satisfies(volume -> assertThat(volume.getEmptyDir())
                .isNotNull());
        assertThat(fixture.progress()).anyMatch(line -> line.contains("image " + migrator
                + " on the migrations copied from /app/db/migration in " + IMAGE));
        assertThat(Serialization.asYaml(job)).doesNotContain(PASSWORD);
    }

    @Test
    void runsTheUsersCommand() {
        fixture.kubelet.next(JobScenario.succeed("ok\n"));

        Job job = job(fixture.run(Map.of(), List.of("./do_migration.sh", "--all"), false).where());

        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand())
                .containsExactly("./do_migration.sh", "--all");
    }

    @Test
    void aFailedContainerPassesItsExitCodeOnAfterItsLog() {
        fixture.kubelet.next(JobScenario.fail(5, "error: gave up waiting for the migration lock\n"));

        assertThatThrownBy(fixture::run).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(CoreErrorCode.REMOTE_FAILED);
            assertThat(failure.exitCode()).isEqualTo(5);
            assertThat(failure.getMessage()).contains("exited with code 5").contains("BackoffLimitExceeded");
        });
        assertThat(fixture.remoteLines()).containsExactly("error: gave up waiting for the migration lock");
    }

    @Test
    void aDeadlineExceededIsReportedAsSuch() {
        fixture.kubelet.next(JobScenario.deadlineExceeded("applying 2 ...\n"));

        assertThatThrownBy(fixture::run).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(JobErrorCode.DEADLINE_EXCEEDED);
            assertThat(failure.getMessage()).contains("deadline");
        });
    }

    @Test
    void anImageThatCannotBePulledFailsAndTheJobIsDeleted() {
        fixture.kubelet.next(JobScenario.imagePullBackOff());

        assertThatThrownBy(fixture::run).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(KubernetesErrorCode.IMAGE_PULL_FAILED);
            assertThat(failure.getMessage()).contains("ImagePullBackOff").contains(IMAGE)
                    .contains("will not start later");
        });
        assertThat(fixture.cluster.client().batch().v1().jobs().inNamespace("shop").list().getItems()).isEmpty();
    }

    @Test
    void aMissingSecretKeyIsNamed() {
        fixture.kubelet.next(JobScenario.containerConfigError("couldn't find key DBPASS in Secret shop/secret"));

        assertThatThrownBy(fixture::run).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(KubernetesErrorCode.CONTAINER_CONFIG_ERROR);
            assertThat(failure.getMessage()).contains("couldn't find key DBPASS in Secret shop/secret");
        });
    }

    @Test
    void anUnschedulablePodFailsAfterTheStartTimeout() {
        fixture.kubelet.next(JobScenario.unschedulable());

        assertThatThrownBy(() -> fixture.run(Map.of(KubernetesSetting.JOB_START_TIMEOUT, "1s"), List.of(), false))
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(KubernetesErrorCode.POD_UNSCHEDULABLE);
                    assertThat(failure.getMessage()).contains("Insufficient cpu");
                });
        assertThat(fixture.progress()).anyMatch(line -> line.contains("Unschedulable"));
    }

    @Test
    void aJobDeletedWhileWaitingIsReported() {
        fixture.kubelet.next(JobScenario.deleted("applying 1 ...\n"));

        assertThatThrownBy(fixture::run).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(JobErrorCode.JOB_DELETED);
            assertThat(failure.getMessage()).contains("was deleted");
        });
    }

    @Test
    void detachReturnsTheJobNameAndASecondRunRefusesWhileItRuns() {
        fixture.kubelet.next(JobScenario.keepRunning("applying 1 ...\n"));

        ExecutionReport first = fixture.run(Map.of(), List.of(), true);

        assertThat(job(first.where())).isNotNull();
        assertThat(fixture.progress()).anyMatch(line -> line.contains("job status " + first.where()));
        assertThatThrownBy(fixture::run).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(KubernetesErrorCode.MIGRATION_IN_PROGRESS);
            assertThat(failure.getMessage()).contains(first.where());
        });
        assertThat(fixture.cluster.client().batch().v1().jobs().inNamespace("shop").list().getItems()).hasSize(1);
    }

    @Test
    void aLeaseHeldBySomeoneElseRefusesTheRunAndNamesTheHolder() {
        try (MigrationLease other = MigrationLease.acquire(fixture.cluster.client(), "shop", "shop",
                "alice@laptop (strategy shell, pid 7)", Duration.ofSeconds(60), Duration.ofMillis(200),
                notice -> { })) {
            assertThatThrownBy(fixture::run).isInstanceOfSatisfying(MigrateException.class, failure -> {
                assertThat(failure.code()).isEqualTo(KubernetesErrorCode.MIGRATION_IN_PROGRESS);
                assertThat(failure.getMessage()).contains("alice@laptop (strategy shell, pid 7)");
            });
        }
        assertThat(fixture.cluster.client().batch().v1().jobs().inNamespace("shop").list().getItems()).isEmpty();
    }

    @Test
    void theLeaseIsHeldDuringTheRunAndReleasedAfterAFailure() {
        fixture.kubelet.next(JobScenario.fail(1, "error: relation \"orders\" already exists\n"));
        java.util.List<String> holders = new java.util.concurrent.CopyOnWriteArrayList<>();
        fixture.events.clear();

        assertThatThrownBy(() -> fixture.run(Map.of(), List.of(), false, event -> MigrationLease.holder(
                fixture.cluster.client(), "shop", "shop").ifPresent(holder -> holders.add(holder.identity()))))
                .isInstanceOf(MigrateException.class);

        assertThat(holders).isNotEmpty().allMatch(holder -> holder.startsWith("tester@")
                && holder.contains("strategy job"));
        assertThat(MigrationLease.holder(fixture.cluster.client(), "shop", "shop")).isEmpty();
    }

    @Test
    void aServiceWithoutDeploymentIsAConfigurationError() {
        assertThatThrownBy(() -> fixture.run(Map.of(KubernetesSetting.SERVICE, "billing"), List.of(), false))
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
                    assertThat(failure.getMessage()).contains("no Deployment in namespace billing");
                });
    }

    @Test
    void aForbiddenCreateNamesTheRefusalAndTheFix() {
        fixture.cluster.server().expect().post().withPath("/apis/batch/v1/namespaces/shop/jobs")
                .andReturn(403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                        + "\"jobs.batch is forbidden: User \\\"ci\\\" cannot create resource \\\"jobs\\\"\","
                        + "\"reason\":\"Forbidden\",\"code\":403}").always();

        assertThatThrownBy(fixture::run).isInstanceOfSatisfying(MigrateException.class, failure -> {
            assertThat(failure.code()).isEqualTo(KubernetesErrorCode.KUBERNETES_FORBIDDEN);
            assertThat(failure.getMessage()).contains("create Job").contains("cannot create resource");
            assertThat(failure.hint()).contains("generate rbac");
        });
    }

    private Job job(String name) {
        return fixture.cluster.client().batch().v1().jobs().inNamespace("shop").withName(name).get();
    }
}
