package dev.optamigrate.strategy.shell;

import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.kubernetes.KubernetesCalls;
import dev.optamigrate.kubernetes.LabelSelectors;
import dev.optamigrate.kubernetes.ServiceWorkload;
import dev.optamigrate.kubernetes.pod.PodStatuses;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Keeps database and server versions in step, judging the rollout as {@code kubectl rollout status} does: finds
 * the Deployment's newest ReplicaSet and a Ready pod of it, and refuses while a rollout is under way (a change
 * the controller has not observed yet, a paused Deployment whose template is not rolled out, live pods of an
 * older ReplicaSet or of another image) or has failed ({@code ProgressDeadlineExceeded}). Pods on a lost node
 * (phase Unknown) are reported, not waited on. The Deployment's selector is honoured whole, match expressions
 * included.
 */
final class RolloutCheck {
    static final String REVISION = "deployment.kubernetes.io/revision";
    private static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";

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
        refuseFailedRollout(deployment);
        refuseUnobservedChange(deployment);
        ReplicaSet newest = newestReplicaSet(deployment);
        refuseTemplateNotRolledOut(deployment, newest, workload.container().getImage());
        List<Pod> pods = pods(deployment);
        List<Pod> lost = pods.stream().filter(pod -> "Unknown".equals(PodStatuses.phase(pod))).toList();
        List<Pod> live = pods.stream().filter(pod -> !lost.contains(pod)).toList();
        refuseMixedPods(deployment, live, newest);
        List<String> warnings = lost.stream().map(pod -> "Pod " + pod.getMetadata().getName() + " of Deployment "
                + name(deployment) + " is in phase Unknown: its node " + Optional.ofNullable(pod.getSpec()
                        .getNodeName()).orElse("") + " stopped answering. It is left out of the rollout check.")
                .toList();
        return live.stream().filter(pod -> ownedBy(pod, newest.getMetadata().getName())).filter(PodStatuses::ready)
                .min(Comparator.comparing(pod -> pod.getMetadata().getName()))
                .map(pod -> new ChosenPod(pod.getMetadata().getName(), image(pod).orElse("?"),
                        newest.getMetadata().getName(), warnings))
                .orElseThrow(() -> noReadyPod(deployment, newest, pods));
    }

    private static void refuseFailedRollout(Deployment deployment) {
        List<DeploymentCondition> conditions = deployment.getStatus() == null || deployment.getStatus()
                .getConditions() == null ? List.of() : deployment.getStatus().getConditions();
        conditions.stream().filter(condition -> "Progressing".equals(condition.getType())
                && PROGRESS_DEADLINE_EXCEEDED.equals(condition.getReason())).findFirst().ifPresent(condition -> {
                    throw new MigrateException(ShellErrorCode.ROLLOUT_FAILED, "Deployment " + name(deployment)
                            + " failed its rollout: " + PROGRESS_DEADLINE_EXCEEDED + (condition.getMessage() == null
                                    ? "" : " (" + condition.getMessage() + ")") + ". Its pods may run the old or "
                            + "the new image.", null, null);
                });
    }

    /**
     * A paused Deployment keeps its observed generation current but rolls nothing out, so a changed template
     * shows only as a newest ReplicaSet that runs another image.
     */
    private static void refuseTemplateNotRolledOut(Deployment deployment, ReplicaSet newest, String templateImage) {
        String running = newest.getSpec().getTemplate().getSpec().getContainers().stream()
                .map(Container::getImage).filter(image -> image.equals(templateImage)).findFirst().orElse(null);
        if (running != null) {
            return;
        }
        boolean paused = Boolean.TRUE.equals(deployment.getSpec().getPaused());
        throw new MigrateException(ShellErrorCode.ROLLOUT_IN_PROGRESS, "Deployment " + name(deployment)
                + (paused ? " is paused with a change that is not rolled out" : " has a change that is not rolled "
                        + "out yet") + ": its template runs " + templateImage + ", but its newest ReplicaSet "
                + newest.getMetadata().getName() + " runs " + newest.getSpec().getTemplate().getSpec()
                        .getContainers().stream().map(Container::getImage).collect(Collectors.joining(", "))
                + ". A pod of it would run the old image.", paused ? "Resume it (`kubectl rollout resume "
                        + "deployment/" + name(deployment) + "`) and wait for the rollout, then run again." : null,
                null);
    }

    private static void refuseUnobservedChange(Deployment deployment) {
        Long generation = deployment.getMetadata().getGeneration();
        Long observed = deployment.getStatus() == null ? null : deployment.getStatus().getObservedGeneration();
        if (generation != null && observed != null && observed < generation) {
            throw new MigrateException(ShellErrorCode.ROLLOUT_IN_PROGRESS, "Deployment " + name(deployment)
                    + " has a change its controller has not rolled out yet (generation " + generation
                    + ", observed " + observed + ").", null, null);
        }
    }

    private ReplicaSet newestReplicaSet(Deployment deployment) {
        String doing = "list the ReplicaSets of Deployment " + name(deployment) + " in namespace " + namespace;
        return KubernetesCalls.call(doing, () -> client.apps().replicaSets().inNamespace(namespace)
                .withLabels(matchLabels(deployment)).list().getItems()).stream()
                .filter(replicaSet -> owner(replicaSet.getMetadata().getOwnerReferences(), "Deployment")
                        .map(name(deployment)::equals).orElse(false))
                .max(Comparator.comparingLong(RolloutCheck::revision))
                .orElseThrow(() -> new MigrateException(ShellErrorCode.NO_READY_POD, "Deployment " + name(deployment)
                        + " in namespace " + namespace + " has no ReplicaSet yet, so no pod runs it.", null, null));
    }

    /** The Deployment's pods that are not ending: not terminating, not Succeeded or Failed. */
    private List<Pod> pods(Deployment deployment) {
        String doing = "list the pods of Deployment " + name(deployment) + " in namespace " + namespace;
        return KubernetesCalls.call(doing, () -> client.pods().inNamespace(namespace)
                .withLabels(matchLabels(deployment)).list().getItems()).stream()
                .filter(pod -> LabelSelectors.matches(deployment.getSpec().getSelector(), pod.getMetadata()
                        .getLabels()))
                .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                .filter(pod -> !List.of("Succeeded", "Failed").contains(PodStatuses.phase(pod)))
                .toList();
    }

    private void refuseMixedPods(Deployment deployment, List<Pod> live, ReplicaSet newest) {
        Map<String, Long> images = live.stream().collect(Collectors.groupingBy(pod -> image(pod).orElse("?"),
                TreeMap::new, Collectors.counting()));
        boolean olderPods = live.stream().anyMatch(pod -> !ownedBy(pod, newest.getMetadata().getName()));
        if (images.size() > 1 || olderPods) {
            throw new MigrateException(ShellErrorCode.ROLLOUT_IN_PROGRESS, "Deployment " + name(deployment)
                    + " is rolling out: its pods run " + images.entrySet().stream().map(entry -> entry.getKey()
                            + " (" + entry.getValue() + (entry.getValue() == 1 ? " pod)" : " pods)"))
                            .collect(Collectors.joining(", ")) + (olderPods ? ", and pods of an older ReplicaSet "
                            + "than " + newest.getMetadata().getName() + " still run" : "") + ".", null, null);
        }
    }

    private MigrateException noReadyPod(Deployment deployment, ReplicaSet newest, List<Pod> live) {
        String seen = live.isEmpty() ? "no live pods" : live.stream().map(pod -> pod.getMetadata().getName() + " "
                + PodStatuses.phase(pod) + (PodStatuses.ready(pod) ? ", Ready" : ", not Ready"))
                .collect(Collectors.joining("; "));
        return new MigrateException(ShellErrorCode.NO_READY_POD, "No Ready pod of ReplicaSet "
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

    private static long revision(ReplicaSet replicaSet) {
        String revision = replicaSet.getMetadata().getAnnotations().get(REVISION);
        try {
            return revision == null ? 0 : Long.parseLong(revision);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** The selector's plain labels, which the API server narrows the list by; its expressions are applied here. */
    private static Map<String, String> matchLabels(Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getSelector().getMatchLabels();
        return labels == null ? Map.of() : labels;
    }

    private static String name(Deployment deployment) {
        return deployment.getMetadata().getName();
    }
}
