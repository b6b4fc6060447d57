package dev.optamigrate.strategy.shell;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.kubernetes.KubernetesCalls;
import dev.optamigrate.kubernetes.ServiceWorkload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Keeps database and server versions in step: finds the Deployment's newest ReplicaSet and a Ready pod of it,
 * and refuses while a rollout is under way (a change the controller has not observed yet, or live pods of an
 * older ReplicaSet or of another image).
 */
final class RolloutCheck {
    static final String REVISION = "deployment.kubernetes.io/revision";

    private final KubernetesClient client;
    private final String namespace;
    private final String container;

    RolloutCheck(KubernetesClient client, String namespace, String container) {
        this.client = client;
        this.namespace = namespace;
        this.container = container;
    }

    /** A Ready pod of the newest ReplicaSet, once no rollout is under way. */
    ChosenPod choose(ServiceWorkload workload) {
        Deployment deployment = workload.deployment();
        refuseUnobservedChange(deployment);
        ReplicaSet newest = newestReplicaSet(deployment);
        List<Pod> live = livePods(deployment);
        refuseMixedPods(deployment, live, newest);
        return live.stream().filter(pod -> ownedBy(pod, newest.getMetadata().getName())).filter(RolloutCheck::ready)
                .min(Comparator.comparing(pod -> pod.getMetadata().getName()))
                .map(pod -> new ChosenPod(pod.getMetadata().getName(), image(pod).orElse("?"),
                        newest.getMetadata().getName()))
                .orElseThrow(() -> noReadyPod(deployment, newest, live));
    }

    private static void refuseUnobservedChange(Deployment deployment) {
        Long generation = deployment.getMetadata().getGeneration();
        Long observed = deployment.getStatus() == null ? null : deployment.getStatus().getObservedGeneration();
        if (generation != null && observed != null && observed < generation) {
            throw new MigrateException(ErrorCode.ROLLOUT_IN_PROGRESS, "Deployment " + name(deployment)
                    + " has a change its controller has not rolled out yet (generation " + generation
                    + ", observed " + observed + ").", null, null);
        }
    }

    private ReplicaSet newestReplicaSet(Deployment deployment) {
        String doing = "list the ReplicaSets of Deployment " + name(deployment) + " in namespace " + namespace;
        return KubernetesCalls.call(doing, () -> client.apps().replicaSets().inNamespace(namespace)
                .withLabels(selector(deployment)).list().getItems()).stream()
                .filter(replicaSet -> owner(replicaSet.getMetadata().getOwnerReferences(), "Deployment")
                        .map(name(deployment)::equals).orElse(false))
                .max(Comparator.comparingLong(RolloutCheck::revision))
                .orElseThrow(() -> new MigrateException(ErrorCode.NO_READY_POD, "Deployment " + name(deployment)
                        + " in namespace " + namespace + " has no ReplicaSet yet, so no pod runs it.", null, null));
    }

    private List<Pod> livePods(Deployment deployment) {
        String doing = "list the pods of Deployment " + name(deployment) + " in namespace " + namespace;
        return KubernetesCalls.call(doing, () -> client.pods().inNamespace(namespace)
                .withLabels(selector(deployment)).list().getItems()).stream()
                .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                .filter(pod -> !List.of("Succeeded", "Failed").contains(phase(pod)))
                .toList();
    }

    private void refuseMixedPods(Deployment deployment, List<Pod> live, ReplicaSet newest) {
        Map<String, Long> images = live.stream().collect(Collectors.groupingBy(pod -> image(pod).orElse("?"),
                TreeMap::new, Collectors.counting()));
        boolean olderPods = live.stream().anyMatch(pod -> !ownedBy(pod, newest.getMetadata().getName()));
        if (images.size() > 1 || olderPods) {
            throw new MigrateException(ErrorCode.ROLLOUT_IN_PROGRESS, "Deployment " + name(deployment)
                    + " is rolling out: its pods run " + images.entrySet().stream().map(entry -> entry.getKey()
                            + " (" + entry.getValue() + (entry.getValue() == 1 ? " pod)" : " pods)"))
                            .collect(Collectors.joining(", ")) + (olderPods ? ", and pods of an older ReplicaSet "
                            + "than " + newest.getMetadata().getName() + " still run" : "") + ".", null, null);
        }
    }

    private MigrateException noReadyPod(Deployment deployment, ReplicaSet newest, List<Pod> live) {
        String seen = live.isEmpty() ? "no live pods" : live.stream().map(pod -> pod.getMetadata().getName() + " "
                + phase(pod) + (ready(pod) ? ", Ready" : ", not Ready")).collect(Collectors.joining("; "));
        return new MigrateException(ErrorCode.NO_READY_POD, "No Ready pod of ReplicaSet "
                + newest.getMetadata().getName() + " (Deployment " + name(deployment) + ", namespace " + namespace
                + ") to run the command in: " + seen + ".", null, null);
    }

    private Optional<String> image(Pod pod) {
        return pod.getSpec().getContainers().stream().filter(candidate -> candidate.getName().equals(container))
                .map(Container::getImage).findFirst();
    }

    private static boolean ownedBy(Pod pod, String replicaSet) {
        return owner(pod.getMetadata().getOwnerReferences(), "ReplicaSet").map(replicaSet::equals).orElse(false);
    }

    private static Optional<String> owner(List<OwnerReference> owners, String kind) {
        return owners.stream().filter(owner -> kind.equals(owner.getKind())).map(OwnerReference::getName)
                .findFirst();
    }

    private static boolean ready(Pod pod) {
        return "Running".equals(phase(pod)) && pod.getStatus().getConditions().stream()
                .anyMatch(condition -> "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
    }

    private static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
    }

    private static long revision(ReplicaSet replicaSet) {
        String revision = replicaSet.getMetadata().getAnnotations().get(REVISION);
        try {
            return revision == null ? 0 : Long.parseLong(revision);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static Map<String, String> selector(Deployment deployment) {
        return deployment.getSpec().getSelector().getMatchLabels();
    }

    private static String name(Deployment deployment) {
        return deployment.getMetadata().getName();
    }
}
