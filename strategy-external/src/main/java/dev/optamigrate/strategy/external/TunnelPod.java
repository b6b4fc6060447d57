package dev.optamigrate.strategy.external;

import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.target.Target;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The tunnel's proxy pod: socat listening on {@value #PORT} and connecting to the database, with a deadline so
 * that it dies even if opta-migrate does, no service account token, no privileges, and labels that say whose it
 * is.
 */
final class TunnelPod {
    static final int PORT = 5432;
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
                .withNamespace(namespace).withLabels(labels(service)).endMetadata()
                .withNewSpec().withRestartPolicy("Never").withAutomountServiceAccountToken(false)
                .withActiveDeadlineSeconds(settings.duration(Setting.TUNNEL_DEADLINE).toSeconds())
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(NOBODY).endSecurityContext()
                .addNewContainer().withName("proxy").withImage(settings.require(Setting.TUNNEL_IMAGE))
                .withArgs("TCP-LISTEN:" + PORT + ",fork,reuseaddr", "TCP:" + target.hostAndPort())
                .addNewPort().withContainerPort(PORT).withName("postgres").endPort()
                .withNewReadinessProbe().withNewTcpSocket().withNewPort(PORT).endTcpSocket()
                .withPeriodSeconds(1).endReadinessProbe()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withNewCapabilities().addToDrop("ALL").endCapabilities().endSecurityContext()
                .withNewResources().addToRequests("cpu", new Quantity("10m")).addToRequests("memory",
                        new Quantity("16Mi")).addToLimits("memory", new Quantity("64Mi")).endResources()
                .endContainer().endSpec().build();
    }
}
