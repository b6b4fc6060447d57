package dev.optamigrate.strategy.shell;

import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.kubernetes.KubernetesCalls;
import dev.optamigrate.kubernetes.KubernetesErrorCode;
import dev.optamigrate.kubernetes.RemoteLines;
import dev.optamigrate.kubernetes.StreamingPermission;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecListener;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

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
     * How the command ended.
     *
     * @param exitCode its exit code: empty when the exec channel closed without one (connection lost, container
     *                 stopped), -1 when Kubernetes reported a failure without a code
     * @param failure  the message of the Failure status Kubernetes reported, e.g. that the executable was not
     *                 found, when it gave one
     */
    record Outcome(Optional<Integer> exitCode, Optional<String> failure) {
    }

    /**
     * Runs the command and returns how it ended.
     *
     * @param eachTick runs while the command runs, and may end the wait by throwing (the Lease's check)
     */
    Outcome run(String pod, String container, List<String> command, Runnable eachTick) {
        RemoteLines out = new RemoteLines(pod, events);
        RemoteLines err = new RemoteLines(pod + " stderr", events);
        String doing = "run a command in container " + container + " of pod " + pod + " in namespace " + namespace;
        AtomicReference<Status> status = new AtomicReference<>();
        long started = System.nanoTime();
        try (out; err; ExecWatch watch = start(doing, pod, container, command, out, err, status)) {
            while (true) {
                try {
                    Integer code = watch.exitCode().get(progressEvery.toMillis(), TimeUnit.MILLISECONDS);
                    return new Outcome(Optional.ofNullable(code), Optional.ofNullable(status.get())
                            .filter(ended -> "Failure".equals(ended.getStatus())).map(Status::getMessage));
                } catch (TimeoutException stillRunning) {
                    eachTick.run();
                    reportProgress(pod, started, Math.max(out.lastLineNanos(), err.lastLineNanos()));
                }
            }
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof KubernetesClientException api) {
                throw refused(doing, api);
            }
            return new Outcome(Optional.empty(), Optional.empty());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Outcome(Optional.empty(), Optional.empty());
        }
    }

    private ExecWatch start(String doing, String pod, String container, List<String> command, RemoteLines out,
            RemoteLines err, AtomicReference<Status> status) {
        try {
            return client.pods().inNamespace(namespace).withName(pod).inContainer(container).writingOutput(out)
                    .writingError(err).usingListener(new StatusKeeper(status)).exec(command.toArray(String[]::new));
        } catch (KubernetesClientException api) {
            throw refused(doing, api);
        }
    }

    private static MigrateException refused(String doing, KubernetesClientException api) {
        MigrateException failure = KubernetesCalls.translate(doing, api);
        if (failure.code() != KubernetesErrorCode.KUBERNETES_FORBIDDEN) {
            return failure;
        }
        return new MigrateException(KubernetesErrorCode.KUBERNETES_FORBIDDEN, failure.getMessage(),
                StreamingPermission.hint("pods/exec", "shell"), api);
    }

    private void reportProgress(String pod, long started, long lastLine) {
        long now = System.nanoTime();
        if (now - lastLine >= progressEvery.toNanos()) {
            events.on(new MigrationEvent.Progress("Still running in pod " + pod + " ("
                    + TimeUnit.NANOSECONDS.toSeconds(now - started) + " s, no output for "
                    + TimeUnit.NANOSECONDS.toSeconds(now - lastLine) + " s)."));
        }
    }

    /** Keeps the status Kubernetes sends when the command ends, whose message fabric8's exit code drops. */
    private static final class StatusKeeper implements ExecListener {
        private final AtomicReference<Status> status;

        StatusKeeper(AtomicReference<Status> status) {
            this.status = status;
        }

        @Override
        public void onExit(int code, Status ended) {
            status.set(ended);
        }

        @Override
        public void onClose(int code, String reason) {
            // the exit code future tells the outcome
        }
    }
}
