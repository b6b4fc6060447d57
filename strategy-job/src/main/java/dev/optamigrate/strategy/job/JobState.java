package dev.optamigrate.strategy.job;

import dev.optamigrate.core.error.ErrorCode;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A migration Job's state, read from the Job's conditions and its pod's status, classified into what the user
 * needs: still pending or running, succeeded, or failed and why.
 *
 * @param name      the Job's name
 * @param phase     pending, running, succeeded or failed
 * @param pod       the Job's pod, once it exists
 * @param exitCode  the container's exit code, once it has ended
 * @param failure   why it failed (or cannot start), for the failed phase
 * @param detail    the reason and message Kubernetes gave, in words
 */
public record JobState(String name, Phase phase, Optional<String> pod, Optional<Integer> exitCode,
        Optional<ErrorCode> failure, String detail) {

    public enum Phase { PENDING, RUNNING, SUCCEEDED, FAILED }

    private static final Set<String> IMAGE_PULL = Set.of("ImagePullBackOff", "InvalidImageName",
            "ErrImageNeverPull");
    private static final Set<String> CONTAINER_CONFIG = Set.of("CreateContainerConfigError", "CreateContainerError");

    /** True once the Job has a Complete or Failed condition. */
    public static boolean finished(Job job) {
        return condition(job, "Complete").isPresent() || condition(job, "Failed").isPresent();
    }

    /** Classifies the Job and its newest pod (if any). */
    public static JobState of(Job job, Optional<Pod> pod) {
        String name = job.getMetadata().getName();
        Optional<String> podName = pod.map(p -> p.getMetadata().getName());
        Optional<ContainerStatus> container = pod.flatMap(JobState::container);
        Optional<Integer> exitCode = container.map(ContainerStatus::getState)
                .map(state -> state.getTerminated()).map(ContainerStateTerminated::getExitCode);
        if (condition(job, "Complete").isPresent()) {
            return new JobState(name, Phase.SUCCEEDED, podName, exitCode, Optional.empty(), "completed");
        }
        Optional<JobCondition> failed = condition(job, "Failed");
        if (failed.isPresent()) {
            String reason = Optional.ofNullable(failed.get().getReason()).orElse("Failed");
            ErrorCode code = "DeadlineExceeded".equals(reason) ? ErrorCode.DEADLINE_EXCEEDED : ErrorCode.REMOTE_FAILED;
            return new JobState(name, Phase.FAILED, podName, exitCode, Optional.of(code), words(reason,
                    failed.get().getMessage()));
        }
        Optional<ContainerStateWaiting> waiting = container.map(ContainerStatus::getState)
                .map(state -> state.getWaiting());
        if (waiting.isPresent() && IMAGE_PULL.contains(waiting.get().getReason())) {
            return blocked(name, podName, ErrorCode.IMAGE_PULL_FAILED, waiting.get());
        }
        if (waiting.isPresent() && CONTAINER_CONFIG.contains(waiting.get().getReason())) {
            return blocked(name, podName, ErrorCode.CONTAINER_CONFIG_ERROR, waiting.get());
        }
        Optional<PodCondition> unscheduled = pod.flatMap(JobState::unschedulable);
        if (unscheduled.isPresent()) {
            return new JobState(name, Phase.PENDING, podName, exitCode, Optional.of(ErrorCode.POD_UNSCHEDULABLE),
                    words("Unschedulable", unscheduled.get().getMessage()));
        }
        String podPhase = pod.map(p -> p.getStatus() == null ? null : p.getStatus().getPhase()).orElse(null);
        if ("Running".equals(podPhase) || exitCode.isPresent()) {
            return new JobState(name, Phase.RUNNING, podName, exitCode, Optional.empty(), "pod " + podName.get()
                    + " " + (exitCode.isPresent() ? "ended with exit code " + exitCode.get() : "is running"));
        }
        String waitingFor = waiting.map(w -> w.getReason()).orElse(podPhase == null ? "no pod yet" : podPhase);
        return new JobState(name, Phase.PENDING, podName, exitCode, Optional.empty(),
                podName.map(p -> "pod " + p + " is " + waitingFor).orElse(waitingFor));
    }

    /** True when the pod has started its container, so that it has a log to stream. */
    public boolean started() {
        return phase == Phase.RUNNING || exitCode.isPresent();
    }

    private static JobState blocked(String name, Optional<String> pod, ErrorCode code, ContainerStateWaiting waiting) {
        return new JobState(name, Phase.FAILED, pod, Optional.empty(), Optional.of(code),
                words(waiting.getReason(), waiting.getMessage()));
    }

    private static String words(String reason, String message) {
        return message == null || message.isBlank() ? reason : reason + ": " + message;
    }

    private static Optional<JobCondition> condition(Job job, String type) {
        List<JobCondition> conditions = job.getStatus() == null ? List.of() : job.getStatus().getConditions();
        return conditions.stream().filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    }

    private static Optional<ContainerStatus> container(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(status -> MigrationJobFactory.CONTAINER.equals(status.getName())).findFirst();
    }

    private static Optional<PodCondition> unschedulable(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(c -> "PodScheduled".equals(c.getType())
                && "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason())).findFirst();
    }
}
