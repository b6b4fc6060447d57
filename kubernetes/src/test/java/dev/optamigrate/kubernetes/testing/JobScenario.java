package dev.optamigrate.kubernetes.testing;

/**
 * What the {@link FakeKubelet} does with the next Job: the outcomes a real cluster produces.
 *
 * @param kind            the outcome
 * @param log             what the container prints (served as the pod's log)
 * @param exitCode        the container's exit code, for the outcomes that end it
 * @param message         the kubelet's or scheduler's message, or for {@link Kind#RETRIED} the second pod's log
 * @param sidecar         a service-mesh proxy container runs beside {@code migrate}, injected whatever the pod
 *                        template says (as a mesh configured to ignore the opt-out does)
 * @param failedLogReads  how many log requests fail with HTTP 500 before the log is served
 * @param program         for {@link Kind#RUN}: what the container does, run for real
 */
public record JobScenario(Kind kind, String log, int exitCode, String message, boolean sidecar, int failedLogReads,
        PodProgram program) {

    public enum Kind {
        SUCCEED, FAIL, IMAGE_PULL_BACK_OFF, TRANSIENT_IMAGE_PULL, INIT_IMAGE_PULL_BACK_OFF, CONTAINER_CONFIG_ERROR,
        UNSCHEDULABLE, DEADLINE_EXCEEDED, DELETED, KEEP_RUNNING, OOM_KILLED, EVICTED, RETRIED, STUCK_TERMINATING, RUN
    }

    private static JobScenario of(Kind kind, String log, int exitCode, String message) {
        return new JobScenario(kind, log, exitCode, message, false, 0, null);
    }

    /**
     * For an Indexed Job: one pod per completion index, {@code parallelism} at a time, each running the program
     * with its command and resolved environment.
     */
    public static JobScenario run(PodProgram program) {
        return new JobScenario(Kind.RUN, "", 0, null, false, 0, program);
    }

    public static JobScenario succeed(String log) {
        return of(Kind.SUCCEED, log, 0, null);
    }

    public static JobScenario fail(int exitCode, String log) {
        return of(Kind.FAIL, log, exitCode, null);
    }

    public static JobScenario imagePullBackOff() {
        return of(Kind.IMAGE_PULL_BACK_OFF, "", 0, "Back-off pulling image");
    }

    /** One {@code ErrImagePull} and a short back-off (a registry blip), then the pull works and the Job succeeds. */
    public static JobScenario transientImagePull(String log) {
        return of(Kind.TRANSIENT_IMAGE_PULL, log, 0, "rpc error: code = Unavailable desc = registry unavailable");
    }

    /** The pod's init container cannot pull its image; {@code migrate} waits in {@code PodInitializing}. */
    public static JobScenario initImagePullBackOff() {
        return of(Kind.INIT_IMAGE_PULL_BACK_OFF, "", 0, "Back-off pulling image \"busybox:does-not-exist\"");
    }

    public static JobScenario containerConfigError(String message) {
        return of(Kind.CONTAINER_CONFIG_ERROR, "", 0, message);
    }

    public static JobScenario unschedulable() {
        return of(Kind.UNSCHEDULABLE, "", 0,
                "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available.");
    }

    public static JobScenario deadlineExceeded(String log) {
        return of(Kind.DEADLINE_EXCEEDED, log, 0, "Job was active longer than specified deadline");
    }

    public static JobScenario deleted(String log) {
        return of(Kind.DELETED, log, 0, null);
    }

    public static JobScenario keepRunning(String log) {
        return of(Kind.KEEP_RUNNING, log, 0, null);
    }

    /** The container passes its memory limit: the kernel kills it (exit 137, reason OOMKilled). */
    public static JobScenario oomKilled(String log) {
        return of(Kind.OOM_KILLED, log, 137, null);
    }

    /** The kubelet evicts the pod under node memory pressure (pod reason Evicted, condition DisruptionTarget). */
    public static JobScenario evicted(String log) {
        return of(Kind.EVICTED, log, 137, "The node was low on resource: memory. Threshold quantity: 100Mi, "
                + "available: 51200Ki.");
    }

    /** The first pod fails with the exit code; the Job controller retries in a second pod, which succeeds. */
    public static JobScenario retried(int exitCode, String firstLog, String secondLog) {
        return of(Kind.RETRIED, firstLog, exitCode, secondLog);
    }

    /** The pod runs, then its node is lost: it is deleted but stays terminating, and the Job never finishes. */
    public static JobScenario stuckTerminating(String log) {
        return of(Kind.STUCK_TERMINATING, log, 0, null);
    }

    public JobScenario withSidecar() {
        return new JobScenario(kind, log, exitCode, message, true, failedLogReads, program);
    }

    public JobScenario withFailedLogReads(int times) {
        return new JobScenario(kind, log, exitCode, message, sidecar, times, program);
    }
}
