package dev.optamigrate.strategy.job.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.kubernetes.KubernetesErrorCode;
import dev.optamigrate.kubernetes.testing.FakeCluster;
import dev.optamigrate.strategy.job.JobLabels;
import dev.optamigrate.strategy.job.MigrationJobFactory;
import dev.optamigrate.strategy.job.MigrationJobs;
import dev.optamigrate.strategy.job.WatchTiming;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Following an Indexed Job on the mock API server, with this test in the kubelet's place: each shard's pod is
 * reported as it changes, and a shard whose image cannot be pulled ends the wait and removes the Job.
 */
class ShardWatcherTest {
    private static final String JOB = "shop-migrate-abcd1234";
    private static final WatchTiming FAST = new WatchTiming(Duration.ofSeconds(10), Duration.ofMillis(50),
            Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5));

    private FakeCluster cluster;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        cluster = FakeCluster.start();
        client = cluster.client();
        client.batch().v1().jobs().inNamespace("shop").resource(new JobBuilder().withNewMetadata().withName(JOB)
                .withNamespace("shop").endMetadata().withNewSpec().withCompletionMode("Indexed").withCompletions(2)
                .endSpec().build()).create();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    @Timeout(30)
    void aShardWhoseImageCannotBePulledEndsTheWaitAndTheJobIsDeleted() {
        pod(0, "Succeeded", new ContainerStatusBuilder().withName(MigrationJobFactory.CONTAINER).withNewState()
                .withNewTerminated().withExitCode(0).endTerminated().endState().build());
        pod(1, "Pending", new ContainerStatusBuilder().withName(MigrationJobFactory.CONTAINER).withNewState()
                .withNewWaiting().withReason("ImagePullBackOff").withMessage("Back-off pulling image "
                        + "\"registry.example.com/shop:v43\"").endWaiting().endState().build());
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> new ShardWatcher(client, new MigrationJobs(client, "shop"), events::add, FAST)
                .await(JOB, 2, () -> { }))
                .isInstanceOfSatisfying(MigrateException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(KubernetesErrorCode.IMAGE_PULL_FAILED);
                    assertThat(failure.getMessage()).contains("Shard 1 of Job " + JOB, "ImagePullBackOff",
                            "shop:v43", "The Job was deleted");
                });
        assertThat(events).extracting(event -> ((MigrationEvent.Progress) event).message())
                .contains("Shard 0 (pod " + JOB + "-0): succeeded.", "Shard 1 (pod " + JOB + "-1): pending.");
        assertThat(client.batch().v1().jobs().inNamespace("shop").withName(JOB).get()).isNull();
    }

    private void pod(int index, String phase, ContainerStatus status) {
        Pod pod = client.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata()
                .withName(JOB + "-" + index).withNamespace("shop").addToLabels(JobLabels.JOB, JOB)
                .addToAnnotations(IndexedJob.INDEX_ANNOTATION, String.valueOf(index)).endMetadata()
                .withNewSpec().addNewContainer().withName(MigrationJobFactory.CONTAINER).withImage("shop:v43")
                .endContainer().endSpec().build()).create();
        client.pods().inNamespace("shop").withName(pod.getMetadata().getName()).editStatus(current
                -> new PodBuilder(current).withNewStatus().withPhase(phase).withContainerStatuses(status)
                        .endStatus().build());
    }
}
