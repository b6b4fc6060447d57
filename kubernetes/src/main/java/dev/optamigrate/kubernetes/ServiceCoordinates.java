package dev.optamigrate.kubernetes;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.Settings;
import java.util.Optional;

/**
 * Where a service lives in the cluster, with Opta's conventions as defaults: the namespace is the service's
 * name, the container is {@code k8s-service}, and the database variables are in Secret {@code secret}. Every name
 * is checked against Kubernetes' rules before it is used.
 *
 * @param service    the service's name (the Opta manifest's {@code name})
 * @param namespace  its namespace
 * @param deployment its Deployment, when named; otherwise the only one in the namespace
 * @param container  the container whose image and environment a migration copies
 * @param secret     the Secret with the database variables
 */
public record ServiceCoordinates(String service, String namespace, Optional<String> deployment, String container,
        String secret) {

    public static ServiceCoordinates from(Settings settings, String purpose) {
        String service = settings.get(KubernetesSetting.SERVICE).orElseThrow(() -> new MigrateException(
                CoreErrorCode.CONFIGURATION, purpose + " needs the service's name.", "Set "
                        + KubernetesSetting.SERVICE.names() + " to the Opta manifest's name.", null));
        KubernetesNames.label(service, "The service's name (from " + settings.sourceOf(KubernetesSetting.SERVICE)
                + ")");
        String namespace = settings.get(KubernetesSetting.NAMESPACE).orElse(service);
        KubernetesNames.label(namespace, "The namespace (from " + settings.sourceOf(KubernetesSetting.NAMESPACE) + ")");
        Optional<String> deployment = settings.get(KubernetesSetting.DEPLOYMENT);
        deployment.ifPresent(name -> KubernetesNames.subdomain(name, "The Deployment's name (from "
                + settings.sourceOf(KubernetesSetting.DEPLOYMENT) + ")"));
        return new ServiceCoordinates(service, namespace, deployment, KubernetesNames.label(settings.require(
                KubernetesSetting.CONTAINER), "The container's name (from "
                        + settings.sourceOf(KubernetesSetting.CONTAINER) + ")"),
                KubernetesNames.subdomain(settings.require(KubernetesSetting.SECRET), "The Secret's name (from "
                        + settings.sourceOf(KubernetesSetting.SECRET) + ")"));
    }
}
