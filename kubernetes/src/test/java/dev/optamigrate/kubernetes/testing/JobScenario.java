package dev.optamigrate.kubernetes.testing;

/**
 * What the {@link FakeKubelet} does with the next Job: the outcomes a real cluster produces.
 *
 * @param kind     the outcome
 * @param log      what the container prints (served as the pod's log)
 * @param exitCode the container's exit code, for {@link Kind#SUCCEED} and {@link Kind#FAIL}
 * @param message  the kubelet's or scheduler's message, for the outcomes that have one
 */
public record JobScenario(Kind kind, String log, int exitCode, String message) {

    public enum Kind {
        SUCCEED, FAIL, IMAGE_PULL_BACK_OFF, CONTAINER_CONFIG_ERROR, UNSCHEDULABLE, DEADLINE_EXCEEDED, DELETED,
        KEEP_RUNNING
    }

    public static JobScenario succeed(String log) {
        return new JobScenario(Kind.SUCCEED, log, 0, null);
    }

    public static JobScenario fail(int exitCode, String log) {
        return new JobScenario(Kind.FAIL, log, exitCode, null);
    }

    public static JobScenario imagePullBackOff() {
        return new JobScenario(Kind.IMAGE_PULL_BACK_OFF, "", 0, "Back-off pulling image");
    }

    public static JobScenario containerConfigError(String message) {
        return new JobScenario(Kind.CONTAINER_CONFIG_ERROR, "", 0, message);
    }

    public static JobScenario unschedulable() {
        return new JobScenario(Kind.UNSCHEDULABLE, "", 0,
                "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available.");
    }

    public static JobScenario deadlineExceeded(String log) {
        return new JobScenario(Kind.DEADLINE_EXCEEDED, log, 0, "Job was active longer than specified deadline");
    }

    public static JobScenario deleted(String log) {
        return new JobScenario(Kind.DELETED, log, 0, null);
    }

    public static JobScenario keepRunning(String log) {
        return new JobScenario(Kind.KEEP_RUNNING, log, 0, null);
    }
}
