package dev.optamigrate.kubernetes.pod;

import dev.optamigrate.kubernetes.KubernetesErrorCode;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one place where a pod's status is read: whether it is Ready, why it cannot start (init containers first,
 * as the kubelet starts them), how its container ended and why, and which other containers still run. The Job
 * watcher and the tunnel both judge their pods by these rules.
 */
public final class PodStatuses {
    private static final Set<String> BAD_IMAGE = Set.of("InvalidImageName", "ErrImageNeverPull");
    private static final Set<String> PULL_RETRIED = Set.of("ErrImagePull", "ImagePullBackOff");
    private static final Set<String> BAD_CONTAINER_CONFIG = Set.of("CreateContainerConfigError",
            "CreateContainerError");

    private PodStatuses() {
    }

    /** The pod's phase; a pod without one yet is {@code Pending}. */
    public static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
    }

    /** Running, with condition Ready true. */
    public static boolean ready(Pod pod) {
        return "Running".equals(phase(pod)) && condition(pod, "Ready").map(c -> "True".equals(c.getStatus()))
                .orElse(false);
    }

    /** Why the container (or an init container before it) cannot start, if its status says so. */
    public static Optional<PodProblem> startProblem(Pod pod, String container) {
        Optional<PodProblem> waiting = Stream.concat(initStatuses(pod).stream(), status(pod, container).stream())
                .map(PodStatuses::waitingProblem).flatMap(Optional::stream).findFirst();
        if (waiting.isPresent()) {
            return waiting;
        }
        return condition(pod, "PodScheduled").filter(c -> "False".equals(c.getStatus())
                && "Unschedulable".equals(c.getReason())).map(c -> new PodProblem(KubernetesErrorCode.POD_UNSCHEDULABLE,
                        "Unschedulable", c.getMessage(), PodProblem.Patience.START));
    }

    /** The container's termination, once it has ended. */
    public static Optional<ContainerStateTerminated> terminated(Pod pod, String container) {
        return status(pod, container).map(ContainerStatus::getState).map(ContainerState::getTerminated);
    }

    /**
     * Why the pod or its container ended, beyond the exit code: out of memory, evicted, preempted, or the
     * pod's own reason; empty when nothing more is known.
     */
    public static Optional<String> endReason(Pod pod, String container) {
        List<String> reasons = new ArrayList<>();
        terminated(pod, container).filter(end -> "OOMKilled".equals(end.getReason())).ifPresent(end -> reasons.add(
                "container " + container + " was OOMKilled: it used more memory than its limit allows"));
        if (pod.getStatus() != null && pod.getStatus().getReason() != null) {
            String message = pod.getStatus().getMessage();
            reasons.add("pod " + pod.getStatus().getReason() + (message == null ? "" : ": " + message));
        }
        condition(pod, "DisruptionTarget").filter(c -> "True".equals(c.getStatus())).ifPresent(c -> reasons.add(
                "DisruptionTarget " + c.getReason() + (c.getMessage() == null ? "" : ": " + c.getMessage())));
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /** The pod's other containers that still run, e.g. an injected service-mesh proxy. */
    public static List<String> othersRunning(Pod pod, String container) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return List.of();
        }
        return pod.getStatus().getContainerStatuses().stream().filter(status -> !container.equals(status.getName()))
                .filter(status -> status.getState() != null && status.getState().getRunning() != null)
                .map(ContainerStatus::getName).toList();
    }

    private static Optional<PodProblem> waitingProblem(ContainerStatus status) {
        ContainerStateWaiting waiting = status.getState() == null ? null : status.getState().getWaiting();
        if (waiting == null || waiting.getReason() == null) {
            return Optional.empty();
        }
        String reason = waiting.getReason();
        String message = (status.getName() == null ? "" : "container " + status.getName() + ": ")
                + Optional.ofNullable(waiting.getMessage()).orElse("");
        if (BAD_IMAGE.contains(reason)) {
            return Optional.of(new PodProblem(KubernetesErrorCode.IMAGE_PULL_FAILED, reason, message,
                    PodProblem.Patience.NONE));
        }
        if (PULL_RETRIED.contains(reason)) {
            return Optional.of(new PodProblem(KubernetesErrorCode.IMAGE_PULL_FAILED, reason, message,
                    PodProblem.Patience.IMAGE_PULL));
        }
        if (BAD_CONTAINER_CONFIG.contains(reason)) {
            return Optional.of(new PodProblem(KubernetesErrorCode.CONTAINER_CONFIG_ERROR, reason, message,
                    PodProblem.Patience.NONE));
        }
        return Optional.empty();
    }

    private static Optional<ContainerStatus> status(Pod pod, String container) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getContainerStatuses().stream().filter(status -> container.equals(status.getName()))
                .findFirst();
    }

    private static List<ContainerStatus> initStatuses(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getInitContainerStatuses() == null ? List.of()
                : pod.getStatus().getInitContainerStatuses();
    }

    private static Optional<PodCondition> condition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }
}
