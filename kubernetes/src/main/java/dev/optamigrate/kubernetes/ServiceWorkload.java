package dev.optamigrate.kubernetes;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The service's Deployment and its main container: what a migration Job copies (image, service account, pull
 * secrets, environment, scheduling and security settings).
 *
 * @param deployment the Deployment as the API returned it
 * @param container  the container named by the coordinates
 */
public record ServiceWorkload(Deployment deployment, Container container) {

    /** Finds the service's Deployment (named, or the only one in the namespace) and its container. */
    public static ServiceWorkload find(KubernetesClient client, ServiceCoordinates where) {
        Deployment deployment = where.deployment()
                .map(name -> named(client, where.namespace(), name))
                .orElseGet(() -> onlyOne(client, where.namespace()));
        return new ServiceWorkload(deployment, container(deployment, where.container()));
    }

    public String name() {
        return deployment.getMetadata().getName();
    }

    public PodSpec podSpec() {
        return deployment.getSpec().getTemplate().getSpec();
    }

    /** The container's image; it names a tag or a digest, so that a copy runs exactly the same build. */
    public String image() {
        String image = container.getImage();
        if (!ImageReference.pinned(image)) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Deployment " + name() + " runs image '" + image
                    + "' without a tag or digest, so a copy might run a different build.",
                    "Give the exact image with --image REPOSITORY:TAG (or @sha256:...).", null);
        }
        return image;
    }

    private static Deployment named(KubernetesClient client, String namespace, String name) {
        Deployment deployment = KubernetesCalls.call("read Deployment " + name + " in namespace " + namespace,
                () -> client.apps().deployments().inNamespace(namespace).withName(name).get());
        if (deployment == null) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "There is no Deployment " + name + " in namespace "
                    + namespace + ".", "Check --deployment and --namespace; `kubectl get deployments -n "
                    + namespace + "` lists what is there.", null);
        }
        return deployment;
    }

    private static Deployment onlyOne(KubernetesClient client, String namespace) {
        List<Deployment> found = KubernetesCalls.call("list Deployments in namespace " + namespace,
                () -> client.apps().deployments().inNamespace(namespace).list().getItems());
        if (found.isEmpty()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "There is no Deployment in namespace " + namespace
                    + ".", "Check --service (Opta names the namespace after the service) or give --namespace.",
                    null);
        }
        if (found.size() > 1) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Namespace " + namespace + " has "
                    + found.size() + " Deployments (" + found.stream().map(d -> d.getMetadata().getName())
                            .sorted().collect(Collectors.joining(", ")) + ").",
                    "Choose the service's Deployment with --deployment NAME.", null);
        }
        return found.get(0);
    }

    private static Container container(Deployment deployment, String name) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        return containers.stream().filter(container -> container.getName().equals(name)).findFirst()
                .orElseThrow(() -> new MigrateException(CoreErrorCode.CONFIGURATION, "Deployment "
                        + deployment.getMetadata().getName() + " has no container '" + name + "' (it has "
                        + containers.stream().map(Container::getName).collect(Collectors.joining(", ")) + ").",
                        "Choose the application's container with --container NAME.", null));
    }
}
