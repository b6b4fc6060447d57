package dev.optamigrate.kubernetes;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.Setting;
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
        String service = settings.get(Setting.SERVICE).orElseThrow(() -> new MigrateException(ErrorCode.CONFIGURATION,
                purpose + " needs the service's name.", "Give --service NAME (the Opta manifest's name) or set "
                + Setting.SERVICE.environmentVariable() + ".", null));
        KubernetesNames.label(service, "The service's name (from " + settings.sourceOf(Setting.SERVICE) + ")");
        String namespace = settings.get(Setting.NAMESPACE).orElse(service);
        KubernetesNames.label(namespace, "The namespace (from " + settings.sourceOf(Setting.NAMESPACE) + ")");
        Optional<String> deployment = settings.get(Setting.DEPLOYMENT);
        deployment.ifPresent(name -> KubernetesNames.subdomain(name, "The Deployment's name (from "
                + settings.sourceOf(Setting.DEPLOYMENT) + ")"));
        return new ServiceCoordinates(service, namespace, deployment, KubernetesNames.label(settings.require(
                Setting.CONTAINER), "The container's name (from " + settings.sourceOf(Setting.CONTAINER) + ")"),
                KubernetesNames.subdomain(settings.require(Setting.SECRET), "The Secret's name (from "
                        + settings.sourceOf(Setting.SECRET) + ")"));
    }
}
