package dev.optamigrate.strategy.shell;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.kubernetes.KubernetesCalls;
import dev.optamigrate.kubernetes.RemoteLines;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one command in a pod's container without a terminal or standard input, as {@code kubectl exec} does,
 * streams its standard output and error line by line as they arrive, and waits for its exit code. A line of
 * progress appears when the command has been silent for a while.
 */
final class PodExec {
    private final KubernetesClient client;
    private final String namespace;
    private final EventListener events;
    private final Duration progressEvery;

    PodExec(KubernetesClient client, String namespace, EventListener events, Duration progressEvery) {
        this.client = client;
        this.namespace = namespace;
        this.events = events;
        this.progressEvery = progressEvery;
    }

    /**
     * Runs the command and returns its exit code: empty when the exec channel closed without one (connection
     * lost, container stopped), -1 when Kubernetes reported a failure without a code.
     */
    Optional<Integer> run(String pod, String container, List<String> command) {
        RemoteLines out = new RemoteLines(pod, events);
        RemoteLines err = new RemoteLines(pod + " stderr", events);
        String doing = "run a command in container " + container + " of pod " + pod + " in namespace " + namespace;
        long started = System.nanoTime();
        try (out; err; ExecWatch watch = KubernetesCalls.call(doing, () -> client.pods().inNamespace(namespace)
                .withName(pod).inContainer(container).writingOutput(out).writingError(err)
                .exec(command.toArray(String[]::new)))) {
            while (true) {
                try {
                    return Optional.ofNullable(watch.exitCode().get(progressEvery.toMillis(), TimeUnit.MILLISECONDS));
                } catch (TimeoutException stillRunning) {
                    reportProgress(pod, started, Math.max(out.lastLineNanos(), err.lastLineNanos()));
                }
            }
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof KubernetesClientException api) {
                throw KubernetesCalls.translate(doing, api);
            }
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void reportProgress(String pod, long started, long lastLine) {
        long now = System.nanoTime();
        if (now - lastLine >= progressEvery.toNanos()) {
            events.on(new MigrationEvent.Progress("Still running in pod " + pod + " ("
                    + TimeUnit.NANOSECONDS.toSeconds(now - started) + " s, no output for "
                    + TimeUnit.NANOSECONDS.toSeconds(now - lastLine) + " s)."));
        }
    }
}
