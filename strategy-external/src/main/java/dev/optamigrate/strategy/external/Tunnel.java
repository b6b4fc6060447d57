package dev.optamigrate.strategy.external;

import dev.optamigrate.core.error.Causes;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.kubernetes.ApiPatience;
import dev.optamigrate.kubernetes.ExitCleanup;
import dev.optamigrate.kubernetes.KubernetesCalls;
import dev.optamigrate.kubernetes.KubernetesErrorCode;
import dev.optamigrate.kubernetes.KubernetesSetting;
import dev.optamigrate.kubernetes.Pause;
import dev.optamigrate.kubernetes.StreamingPermission;
import dev.optamigrate.kubernetes.pod.PodProblem;
import dev.optamigrate.kubernetes.pod.PodStatuses;
import dev.optamigrate.kubernetes.pod.Sighting;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * A way into the cluster's network: a proxy pod in the service's namespace and a port-forward from a local port
 * to it. Closing it (also on failure, and on Ctrl-C through a shutdown hook) stops the forward and deletes the
 * pod; should this process die, the pod's deadline ends it.
 */
final class Tunnel implements AutoCloseable {
    private static final int FORBIDDEN = 403;

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
     * @param poll      how often to look at the pod while it starts
     * @param pullGrace how long a failing image pull may last (the kubelet retries it) before it counts
     */
    static Tunnel open(KubernetesClient client, String namespace, String service, Target target, Settings settings,
            EventListener events, Duration poll, Duration pullGrace) {
        Pod spec = TunnelPod.build(namespace, service, target, settings);
        String name = spec.getMetadata().getName();
        KubernetesCalls.call("create tunnel pod " + name + " in namespace " + namespace,
                () -> client.pods().inNamespace(namespace).resource(spec).create());
        Tunnel tunnel = new Tunnel(client, namespace, name);
        try {
            events.on(new MigrationEvent.Progress("Started tunnel pod " + name + " in namespace " + namespace
                    + " towards " + target.hostAndPort() + " (image " + settings.require(ExternalSetting.TUNNEL_IMAGE)
                    + "); waiting for it to be Ready ..."));
            tunnel.awaitReady(settings.duration(KubernetesSetting.JOB_START_TIMEOUT), pullGrace, poll, events);
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

    private void awaitReady(Duration timeout, Duration pullGrace, Duration poll, EventListener events) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ApiPatience api = new ApiPatience(ApiPatience.DEFAULT, notice -> events.on(new MigrationEvent.Progress(
                notice)));
        Sighting problemSeen = new Sighting();
        while (true) {
            Pod current = api.call("read tunnel pod " + pod, () -> client.pods().inNamespace(namespace)
                    .withName(pod).get());
            if (current == null) {
                throw new MigrateException(KubernetesErrorCode.KUBERNETES_UNAVAILABLE, "Tunnel pod " + pod
                        + " was deleted while it started.", "Run again; if it keeps happening, check what deletes "
                        + "pods in namespace " + namespace + ".", null);
            }
            if (PodStatuses.ready(current)) {
                return;
            }
            Optional<PodProblem> problem = PodStatuses.startProblem(current, TunnelPod.CONTAINER);
            Duration lasted = problemSeen.see(problem.map(PodProblem::reason).orElse(null));
            if (problem.isPresent() && problem.get().code() == KubernetesErrorCode.IMAGE_PULL_FAILED && (problem.get()
                    .patience() == PodProblem.Patience.NONE || lasted.compareTo(pullGrace) >= 0)) {
                throw new MigrateException(KubernetesErrorCode.IMAGE_PULL_FAILED, "Tunnel pod " + pod
                        + " cannot pull its "
                        + "image: " + problem.get().words(), "Set --tunnel-image to an image this cluster can "
                        + "pull that has socat as its entrypoint (e.g. a mirror of alpine/socat).", null);
            }
            if (System.nanoTime() > deadline || "Failed".equals(PodStatuses.phase(current))) {
                throw new MigrateException(problem.map(PodProblem::code).orElse(KubernetesErrorCode.POD_UNSCHEDULABLE),
                        "Tunnel pod " + pod + " did not become Ready within " + timeout.toSeconds() + " s (phase "
                        + PodStatuses.phase(current) + problem.map(found -> ", " + found.words()).orElse("") + ").",
                        "Look at `kubectl describe pod " + pod + " -n " + namespace + "` while it starts, or raise "
                        + "--job-start-timeout.", null);
            }
            Pause.of(poll, "the tunnel pod started");
        }
    }

    /**
     * Why the port-forward failed, if it did: fabric8 opens one WebSocket per connection and records a refused
     * upgrade only there, so a connection that dropped at once is explained by this, not by the database.
     */
    Optional<MigrateException> forwardFailure() {
        if (forward == null || !forward.errorOccurred()) {
            return Optional.empty();
        }
        Throwable failure = forward.getServerThrowables().stream().findFirst()
                .or(() -> forward.getClientThrowables().stream().findFirst()).orElseThrow();
        int code = KubernetesCalls.upgradeCode(failure);
        if (code == FORBIDDEN) {
            return Optional.of(new MigrateException(KubernetesErrorCode.KUBERNETES_FORBIDDEN, "Kubernetes refused the "
                    + "port-forward to tunnel pod " + pod + " in namespace " + namespace + " (HTTP 403).",
                    StreamingPermission.hint("pods/portforward", "external"), failure));
        }
        return Optional.of(new MigrateException(KubernetesErrorCode.KUBERNETES_UNAVAILABLE,
                "The port-forward to tunnel pod "
                + pod + " in namespace " + namespace + " failed" + (code > 0 ? " (HTTP " + code + ")" : "") + ": "
                + Causes.root(failure).getMessage(), "Run again; if it keeps failing, check that `kubectl "
                + "port-forward` works against this cluster from here.", failure));
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
