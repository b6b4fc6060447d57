package dev.optamigrate.strategy.job;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.kubernetes.pod.PodProblem;
import dev.optamigrate.kubernetes.pod.PodStatuses;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.List;
import java.util.Optional;

/**
 * A migration Job's state, read from the Job's conditions, its newest pod's status and the Job's FailedCreate
 * events, classified into what the user needs: still pending or running, succeeded, or failed and why.
 *
 * @param name      the Job's name
 * @param phase     pending, running, succeeded or failed
 * @param pod       the Job's newest pod, once it exists
 * @param exitCode  the {@code migrate} container's exit code, once it has ended
 * @param failure   why it failed, for the failed phase, or what the run ends with if a start problem stays
 * @param detail    the reason and message Kubernetes gave, in words
 * @param problem   why the pod does not start (or does not exist), while pending
 * @param lingering the pod's other containers that still run after {@code migrate} ended (injected sidecars)
 */
public record JobState(String name, Phase phase, Optional<String> pod, Optional<Integer> exitCode,
        Optional<ErrorCode> failure, String detail, Optional<PodProblem> problem, List<String> lingering) {

    public enum Phase { PENDING, RUNNING, SUCCEEDED, FAILED }

    public JobState {
        lingering = List.copyOf(lingering);
    }

    /** True once the Job has a Complete or Failed condition. */
    public static boolean finished(Job job) {
        return condition(job, "Complete").isPresent() || condition(job, "Failed").isPresent();
    }

    /**
     * Classifies the Job and its newest pod.
     *
     * @param refused the message of the Job's newest FailedCreate event, when it has no pod
     */
    public static JobState of(Job job, Optional<Pod> pod, Optional<String> refused) {
        String name = job.getMetadata().getName();
        Optional<String> podName = pod.map(p -> p.getMetadata().getName());
        Optional<ContainerStateTerminated> ended = pod.flatMap(p -> PodStatuses.terminated(p,
                MigrationJobFactory.CONTAINER));
        Optional<Integer> exitCode = ended.map(ContainerStateTerminated::getExitCode);
        String why = pod.flatMap(p -> PodStatuses.endReason(p, MigrationJobFactory.CONTAINER)).map(r -> "; " + r)
                .orElse("");
        if (condition(job, "Complete").isPresent()) {
            return new JobState(name, Phase.SUCCEEDED, podName, exitCode, Optional.empty(), "completed",
                    Optional.empty(), List.of());
        }
        Optional<JobCondition> failed = condition(job, "Failed");
        if (failed.isPresent()) {
            String reason = Optional.ofNullable(failed.get().getReason()).orElse("Failed");
            ErrorCode code = "DeadlineExceeded".equals(reason) ? JobErrorCode.DEADLINE_EXCEEDED
                    : CoreErrorCode.REMOTE_FAILED;
            return new JobState(name, Phase.FAILED, podName, exitCode, Optional.of(code),
                    words(reason, failed.get().getMessage()) + why, Optional.empty(), List.of());
        }
        if (pod.isEmpty()) {
            PodProblem noPod = refused.map(message -> new PodProblem(JobErrorCode.POD_REJECTED, "FailedCreate", message,
                    PodProblem.Patience.START)).orElse(new PodProblem(JobErrorCode.POD_REJECTED, "no pod yet", null,
                    PodProblem.Patience.START));
            return new JobState(name, Phase.PENDING, podName, exitCode, Optional.of(noPod.code()), noPod.words(),
                    Optional.of(noPod), List.of());
        }
        return ofPod(name, pod.get(), exitCode, why);
    }

    private static JobState ofPod(String name, Pod pod, Optional<Integer> exitCode, String why) {
        Optional<String> podName = Optional.of(pod.getMetadata().getName());
        List<String> others = PodStatuses.othersRunning(pod, MigrationJobFactory.CONTAINER);
        if (exitCode.isPresent() && !others.isEmpty()) {
            String detail = "container " + MigrationJobFactory.CONTAINER + " of pod " + podName.get() + " exited with "
                    + "code " + exitCode.get() + " while " + String.join(", ", others) + " still run" + why;
            return exitCode.get() == 0
                    ? new JobState(name, Phase.SUCCEEDED, podName, exitCode, Optional.empty(), detail,
                            Optional.empty(), others)
                    : new JobState(name, Phase.FAILED, podName, exitCode, Optional.of(CoreErrorCode.REMOTE_FAILED),
                            detail, Optional.empty(), others);
        }
        Optional<PodProblem> problem = PodStatuses.startProblem(pod, MigrationJobFactory.CONTAINER);
        if (problem.isPresent()) {
            return new JobState(name, Phase.PENDING, podName, exitCode, problem.map(PodProblem::code),
                    problem.get().words(), problem, List.of());
        }
        String phase = PodStatuses.phase(pod);
        if ("Running".equals(phase) || exitCode.isPresent()) {
            return new JobState(name, Phase.RUNNING, podName, exitCode, Optional.empty(), "pod " + podName.get()
                    + " " + (exitCode.isPresent() ? "ended with exit code " + exitCode.get() + why : "is " + phase),
                    Optional.empty(), List.of());
        }
        return new JobState(name, Phase.PENDING, podName, exitCode, Optional.empty(), "pod " + podName.get() + " is "
                + phase, Optional.empty(), List.of());
    }

    /** True when the pod has started its container, so that it has a log to stream. */
    public boolean started() {
        return phase == Phase.RUNNING || exitCode.isPresent();
    }

    private static String words(String reason, String message) {
        return message == null || message.isBlank() ? reason : reason + ": " + message;
    }

    private static Optional<JobCondition> condition(Job job, String type) {
        List<JobCondition> conditions = job.getStatus() == null ? List.of() : job.getStatus().getConditions();
        return conditions.stream().filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    }
}
