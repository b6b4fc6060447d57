package dev.optamigrate.strategy.external;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.kubernetes.ExitCleanup;
import dev.optamigrate.kubernetes.KubernetesCalls;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A way into the cluster's network: a proxy pod in the service's namespace and a port-forward from a local port
 * to it. Closing it (also on failure, and on Ctrl-C through a shutdown hook) stops the forward and deletes the
 * pod; should this process die, the pod's deadline ends it.
 */
final class Tunnel implements AutoCloseable {
    private static final List<String> PULL_FAILURES = List.of("ErrImagePull", "ImagePullBackOff",
            "InvalidImageName");

    private final KubernetesClient client;
    private final String namespace;
    private final String pod;
    private final ExitCleanup deleteOnExit;
    private LocalPortForward forward;

    private Tunnel(KubernetesClient client, String namespace, String pod) {
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
        this.deleteOnExit = new ExitCleanup("tunnel-cleanup-" + pod, this::release);
    }

    /**
     * Starts the proxy pod towards the target, waits until it is Ready, and forwards a free local port to it.
     *
     * @param poll how often to look at the pod while it starts
     */
    static Tunnel open(KubernetesClient client, String namespace, String service, Target target, Settings settings,
            EventListener events, Duration poll) {
        Pod spec = TunnelPod.build(namespace, service, target, settings);
        String name = spec.getMetadata().getName();
        KubernetesCalls.call("create tunnel pod " + name + " in namespace " + namespace,
                () -> client.pods().inNamespace(namespace).resource(spec).create());
        Tunnel tunnel = new Tunnel(client, namespace, name);
        try {
            events.on(new MigrationEvent.Progress("Started tunnel pod " + name + " in namespace " + namespace
                    + " towards " + target.hostAndPort() + " (image " + settings.require(Setting.TUNNEL_IMAGE)
                    + "); waiting for it to be Ready ..."));
            tunnel.awaitReady(settings.duration(Setting.JOB_START_TIMEOUT), poll);
            tunnel.forward = KubernetesCalls.call("port-forward to pod " + name, () -> client.pods()
                    .inNamespace(namespace).withName(name).portForward(TunnelPod.PORT,
                            InetAddress.getLoopbackAddress(), 0));
            events.on(new MigrationEvent.Progress("Tunnel open: 127.0.0.1:" + tunnel.localPort() + " -> pod " + name
                    + " -> " + target.hostAndPort() + "."));
            return tunnel;
        } catch (RuntimeException failure) {
            tunnel.close();
            throw failure;
        }
    }

    int localPort() {
        return forward.getLocalPort();
    }

    private void awaitReady(Duration timeout, Duration poll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Pod current = KubernetesCalls.call("read tunnel pod " + pod, () -> client.pods().inNamespace(namespace)
                    .withName(pod).get());
            if (current == null) {
                throw new MigrateException(ErrorCode.KUBERNETES_UNAVAILABLE, "Tunnel pod " + pod
                        + " was deleted while it started.", "Run again; if it keeps happening, check what deletes "
                        + "pods in namespace " + namespace + ".", null);
            }
            if (ready(current)) {
                return;
            }
            Optional<ContainerStateWaiting> waiting = waiting(current);
            if (waiting.isPresent() && PULL_FAILURES.contains(waiting.get().getReason())) {
                throw new MigrateException(ErrorCode.IMAGE_PULL_FAILED, "Tunnel pod " + pod + " cannot pull its "
                        + "image: " + waiting.get().getMessage(), "Set --tunnel-image to an image this cluster can "
                        + "pull that has socat as its entrypoint (e.g. a mirror of alpine/socat).", null);
            }
            if (System.nanoTime() > deadline || "Failed".equals(phase(current))) {
                throw new MigrateException(ErrorCode.POD_UNSCHEDULABLE, "Tunnel pod " + pod + " did not become "
                        + "Ready within " + timeout.toSeconds() + " s (phase " + phase(current) + waiting.map(
                                state -> ", " + state.getReason()).orElse("") + ").", "Look at `kubectl describe "
                        + "pod " + pod + " -n " + namespace + "` while it starts, or raise --job-start-timeout.",
                        null);
            }
            sleep(poll);
        }
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase()) && pod.getStatus()
                .getConditions().stream().anyMatch(condition -> "Ready".equals(condition.getType())
                        && "True".equals(condition.getStatus()));
    }

    private static Optional<ContainerStateWaiting> waiting(Pod pod) {
        return pod.getStatus() == null ? Optional.empty() : pod.getStatus().getContainerStatuses().stream()
                .map(ContainerStatus::getState).filter(state -> state != null && state.getWaiting() != null)
                .map(state -> state.getWaiting()).findFirst();
    }

    private static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
    }

    private static void sleep(Duration poll) {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MigrateException(ErrorCode.INTERNAL, "Interrupted while the tunnel pod started.", null,
                    interrupted);
        }
    }

    /** Stops the forward and deletes the pod. */
    @Override
    public void close() {
        deleteOnExit.close();
    }

    private void release() {
        try {
            if (forward != null) {
                forward.close();
            }
        } catch (IOException ignored) {
            // the pod's deletion ends the forward anyway
        }
        try {
            client.pods().inNamespace(namespace).withName(pod).withGracePeriod(0).delete();
        } catch (KubernetesClientException unreachable) {
            // its activeDeadlineSeconds ends it
        }
    }
}
