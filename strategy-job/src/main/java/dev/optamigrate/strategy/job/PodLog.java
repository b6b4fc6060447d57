package dev.optamigrate.strategy.job;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.kubernetes.KubernetesCalls;
import dev.optamigrate.kubernetes.RemoteLines;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Follows the log of a Job's container and sends each line as a {@link MigrationEvent.RemoteOutput} event. */
final class PodLog implements AutoCloseable {
    private final LogWatch watch;

    private PodLog(LogWatch watch) {
        this.watch = watch;
    }

    /** Starts following the pod's log; call it once the container has started. */
    static PodLog follow(KubernetesClient client, String namespace, String pod, EventListener events) {
        RemoteLines lines = new RemoteLines(pod, events);
        return new PodLog(KubernetesCalls.call("follow the log of pod " + pod, () -> client.pods()
                .inNamespace(namespace).withName(pod).inContainer(MigrationJobFactory.CONTAINER).watchLog(lines)));
    }

    /** Waits until the log has been read to its end (the container has ended), at most {@code limit}. */
    void awaitEnd(Duration limit) {
        try {
            watch.onClose().toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException incomplete) {
            // the outcome does not depend on the log; what was read has been shown
        }
    }

    @Override
    public void close() {
        watch.close();
    }
}
