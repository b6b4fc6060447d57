package dev.optamigrate.strategy.shell;

import dev.optamigrate.core.error.ErrorCode;

/**
 * The error codes of running in the service's own pods: the rollout and the pods it depends on.
 * The exit codes are part of the command-line interface: scripts may rely on them.
 */
public enum ShellErrorCode implements ErrorCode {
    ROLLOUT_IN_PROGRESS(18, "the service's Deployment is rolling out, so its pods run different images",
            "Wait until `kubectl rollout status deployment/NAME` reports it complete, then run again; the "
            + "message names the images seen."),
    NO_READY_POD(19, "no Ready pod of the service's current ReplicaSet to run the command in",
            "Check the pods (`kubectl get pods -n NAMESPACE`); use --strategy job, which needs no running pod."),
    ROLLOUT_FAILED(25, "the service's Deployment failed its rollout (ProgressDeadlineExceeded)",
            "Fix the failed rollout first (`kubectl rollout status deployment/NAME` and `kubectl describe "
            + "deployment NAME`), or roll it back; then run again.");

    private final Definition definition;

    ShellErrorCode(int exitCode, String summary, String hint) {
        this.definition = new Definition(exitCode, summary, hint);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
