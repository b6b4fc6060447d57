package dev.optamigrate.strategy.external;

import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.kubernetes.pod.PodShape;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The tunnel's proxy pod: socat listening on {@value #PORT} and connecting to the database, with a deadline so
 * that it dies even if opta-migrate does, no service account token, no sidecar, Pod Security {@code restricted}
 * settings, and labels that say whose it is.
 */
final class TunnelPod {
    static final int PORT = 5432;
    static final String CONTAINER = "proxy";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String COMPONENT = "app.kubernetes.io/component";
    static final String SERVICE = "opta-migrate.dev/service";
    static final String TUNNEL = "tunnel";
    private static final long NOBODY = 65534;

    private TunnelPod() {
    }

    static Map<String, String> labels(String service) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(MANAGED_BY, "opta-migrate");
        labels.put(COMPONENT, TUNNEL);
        labels.put(SERVICE, service);
        return labels;
    }

    /** A pod that forwards its port {@value #PORT} to the target's host and port. */
    static Pod build(String namespace, String service, Target target, Settings settings) {
        return new PodBuilder()
                .withNewMetadata().withName("opta-migrate-tunnel-" + UUID.randomUUID().toString().substring(0, 8))
                .withNamespace(namespace).withLabels(labels(service)).addToLabels(PodShape.MESH_OPT_OUT_LABELS)
                .withAnnotations(PodShape.MESH_OPT_OUT_ANNOTATIONS).endMetadata()
                .withNewSpec().withRestartPolicy("Never").withAutomountServiceAccountToken(false)
                .withActiveDeadlineSeconds(settings.duration(ExternalSetting.TUNNEL_DEADLINE).toSeconds())
                .withSecurityContext(new PodSecurityContextBuilder(PodShape.restrictedPod()).withRunAsUser(NOBODY)
                        .build())
                .addNewContainer().withName(CONTAINER).withImage(settings.require(ExternalSetting.TUNNEL_IMAGE))
                .withArgs("TCP-LISTEN:" + PORT + ",fork,reuseaddr", "TCP:" + target.hostAndPort())
                .addNewPort().withContainerPort(PORT).withName("postgres").endPort()
                .withNewReadinessProbe().withNewTcpSocket().withNewPort(PORT).endTcpSocket()
                .withPeriodSeconds(1).endReadinessProbe()
                .withSecurityContext(new SecurityContextBuilder(PodShape.restrictedContainer())
                        .withReadOnlyRootFilesystem(true).build())
                .withNewResources().addToRequests("cpu", new Quantity("10m")).addToRequests("memory",
                        new Quantity("16Mi")).addToLimits("memory", new Quantity("64Mi")).endResources()
                .endContainer().endSpec().build();
    }
}
