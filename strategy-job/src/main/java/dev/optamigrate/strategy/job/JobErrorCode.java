package dev.optamigrate.strategy.job;

import dev.optamigrate.core.error.ErrorCode;

/**
 * The error codes only a migration Job has.
 * The exit codes are part of the command-line interface: scripts may rely on them.
 */
public enum JobErrorCode implements ErrorCode {
    DEADLINE_EXCEEDED(16, "the Job ran past its deadline and Kubernetes stopped it",
            "Raise --job-deadline, or find what the migration waits on (a lock held by the service?)."),
    JOB_DELETED(17, "the Job was deleted while opta-migrate waited for it",
            "Somebody or something deleted the Job; the migration may have stopped half-way. Run `status` "
            + "before you run it again."),
    POD_REJECTED(23, "the cluster refused to create the Job's pod (Pod Security, a quota or LimitRange, a policy "
            + "webhook, a missing ServiceAccount); the Job's FailedCreate event says which",
            "Read the admission message: make the Deployment (or the generated manifest) meet the namespace's policy, "
            + "free the quota, or create the ServiceAccount, then run again. The Job was deleted.");

    private final Definition definition;

    JobErrorCode(int exitCode, String summary, String hint) {
        this.definition = new Definition(exitCode, summary, hint);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
