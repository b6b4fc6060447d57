package dev.optamigrate.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The releases that serve traffic for a service: the images of its Deployment's pods, in the service's container,
 * with how many pods run each. Old pods of a rollout still count until they are gone; pods that ended do not.
 */
public final class RunningImages {
    private static final Set<String> ENDED = Set.of("Succeeded", "Failed");

    private RunningImages() {
    }

    /** Each image and how many of the Deployment's pods run it. */
    public static Map<String, Integer> of(KubernetesClient client, ServiceWorkload workload, String container) {
        String namespace = workload.deployment().getMetadata().getNamespace();
        Map<String, String> selected = workload.deployment().getSpec().getSelector().getMatchLabels();
        List<Pod> pods = KubernetesCalls.call("list the pods of Deployment " + workload.name() + " in namespace "
                + namespace, () -> client.pods().inNamespace(namespace).withLabels(selected).list().getItems());
        Map<String, Integer> images = new TreeMap<>();
        for (Pod pod : pods) {
            if (!LabelSelectors.matches(workload.deployment().getSpec().getSelector(), pod.getMetadata().getLabels())
                    || pod.getStatus() != null && ENDED.contains(pod.getStatus().getPhase())) {
                continue;
            }
            pod.getSpec().getContainers().stream().filter(candidate -> candidate.getName().equals(container))
                    .map(Container::getImage).findFirst()
                    .ifPresent(image -> images.merge(image, 1, Integer::sum));
        }
        return images;
    }

    /** "2 pods run app:1.7, 1 pod runs app:1.8", for a progress line. */
    public static String describe(Map<String, Integer> images) {
        if (images.isEmpty()) {
            return "no pod runs";
        }
        StringBuilder text = new StringBuilder();
        images.forEach((image, pods) -> text.append(text.length() == 0 ? "" : ", ").append(pods)
                .append(pods == 1 ? " pod runs " : " pods run ").append(image));
        return text.toString();
    }
}
