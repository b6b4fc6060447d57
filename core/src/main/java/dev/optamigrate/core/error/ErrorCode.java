package dev.optamigrate.core.error;

/**
 * Every way a run can fail, with the process exit code it maps to and a hint that says what to do next.
 * The exit codes are part of the command-line interface: scripts may rely on them.
 */
public enum ErrorCode {
    MIGRATION_FAILED(1, "a migration failed",
            "A migration failed and was rolled back where PostgreSQL allows it. Fix the migration "
            + "(or the data it trips over) and run again; `status` shows where the schema stands."),
    CONFIGURATION(2, "bad usage or configuration (flag, variable, config file, location, tool or strategy)",
            "Check the flags, the OPTA_MIGRATE_* environment variables and opta-migrate.yaml; "
            + "`opta-migrate <verb> --help` lists every setting."),
    CANNOT_CONNECT(3, "cannot reach the database (refused, unresolvable, timed out, no such database)",
            "Check host, port and database name, and that this machine can reach the database "
            + "(VPN, tunnel, firewall, security group)."),
    AUTHENTICATION_FAILED(4, "the database refused the user or password",
            "Check the user and the password source (OPTA_MIGRATE_PASSWORD, --password-file "
            + "or the Opta DBPASS variable)."),
    LOCK_TIMEOUT(5, "gave up waiting for the migration lock",
            "Another migration holds the lock. Wait for it to finish, or raise --lock-wait; if its "
            + "process is gone, PostgreSQL frees the lock as soon as it notices the dead session."),
    VALIDATION_FAILED(6, "applied migrations do not match the source",
            "Applied migrations no longer match the files. Restore the changed or missing files (git shows "
            + "them), and make further changes as new forward migrations. If an applied file was changed on "
            + "purpose, the tool's own repair (e.g. `flyway repair`) records the new checksum."),
    UNSUPPORTED(7, "the tool cannot do what was asked",
            "The chosen tool cannot do this; see the message for the alternative."),
    REMOTE_FAILED(8, "the command in the Job or pod failed; its own non-zero exit code is passed on, 8 only "
            + "when it had none",
            "Read the command's output above; `opta-migrate job logs NAME` shows it again."),
    KUBERNETES_UNAVAILABLE(10, "cannot reach the Kubernetes API, or no cluster is configured",
            "Check the kubeconfig (KUBECONFIG, ~/.kube/config) and --context, and that this machine reaches "
            + "the cluster's API server."),
    KUBERNETES_FORBIDDEN(11, "the Kubernetes API refused a request (RBAC)",
            "Grant the Role that `opta-migrate generate rbac --service NAME --for STRATEGY` prints, bound to the user or "
            + "service account that runs opta-migrate."),
    MIGRATION_IN_PROGRESS(12, "another migration of the same service is still running",
            "Wait for it to finish; the message names its holder or Job (`opta-migrate job status NAME`)."),
    IMAGE_PULL_FAILED(13, "the Job's pod cannot pull its image",
            "Check the image name and tag, and that the service's image pull secrets reach the registry."),
    CONTAINER_CONFIG_ERROR(14, "the Job's container cannot be created: a Secret, key or ConfigMap it refers "
            + "to is missing",
            "Create the missing Secret or key (Opta creates Secret `secret` when the database is linked), or "
            + "point --secret and the env.* settings at the right names."),
    POD_UNSCHEDULABLE(15, "no node can run the Job's pod",
            "Free capacity or relax the copied node selector and tolerations, or raise --job-start-timeout."),
    DEADLINE_EXCEEDED(16, "the Job ran past its deadline and Kubernetes stopped it",
            "Raise --job-deadline, or find what the migration waits on (a lock held by the service?)."),
    JOB_DELETED(17, "the Job was deleted while opta-migrate waited for it",
            "Somebody or something deleted the Job; the migration may have stopped half-way. Run `status` "
            + "before you run it again."),
    ROLLOUT_IN_PROGRESS(18, "the service's Deployment is rolling out, so its pods run different images",
            "Wait until `kubectl rollout status deployment/NAME` reports it complete, then run again; the "
            + "message names the images seen."),
    NO_READY_POD(19, "no Ready pod of the service's current ReplicaSet to run the command in",
            "Check the pods (`kubectl get pods -n NAMESPACE`); use --strategy job, which needs no running pod."),
    NOT_CONFIRMED(20, "the run needed a confirmation and did not get it (answered no, or no terminal and no --yes)",
            "Read what it was about to run, then answer yes at the prompt, or give --yes in scripts."),
    UNSAFE_MIGRATION(21, "check or verify found a finding at or above --fail-on, or migrate --safety block "
            + "refused an error-level finding",
            "Read each finding's fix and rewrite the migration that way, or accept a finding on purpose with "
            + "-- opta-migrate:allow <rule-id> <reason> above its statement."),
    INVALID_MIGRATIONS(22, "the migrations cannot be read or run as written (duplicate versions, a bad file name, "
            + "a file that is not text, a changelog that does not parse or a missing include, transaction control "
            + "inside a transactional migration, no changelog table); nothing was changed",
            "Fix the migration files as the message says, then run again. Nothing was applied or reverted."),
    POD_REJECTED(23, "the cluster refused to create the Job's pod (Pod Security, a quota or LimitRange, a policy "
            + "webhook, a missing ServiceAccount); the Job's FailedCreate event says which",
            "Read the admission message: make the Deployment (or the generated manifest) meet the namespace's policy, "
            + "free the quota, or create the ServiceAccount, then run again. The Job was deleted."),
    LEASE_LOST(24, "the service's migration Lease was lost while the migration ran (taken over, deleted, or not "
            + "renewable)",
            "Another migration may start meanwhile. See who holds the Lease, and what the Job or pod still does, "
            + "before you run again."),
    ROLLOUT_FAILED(25, "the service's Deployment failed its rollout (ProgressDeadlineExceeded)",
            "Fix the failed rollout first (`kubectl rollout status deployment/NAME` and `kubectl describe "
            + "deployment NAME`), or roll it back; then run again."),
    INTERNAL(70, "a bug in opta-migrate",
            "This is a bug in opta-migrate. Run again with --verbose and report the stack trace."),
    INTERRUPTED(130, "the run was interrupted (Ctrl-C, SIGTERM) while it waited",
            "Nothing is wrong with opta-migrate. What it waited for may still go on: a Job or a command in a pod "
            + "runs on (`opta-migrate job status NAME`), and `status` shows where the schema stands.");

    private final int exitCode;
    private final String summary;
    private final String hint;

    ErrorCode(int exitCode, String summary, String hint) {
        this.exitCode = exitCode;
        this.summary = summary;
        this.hint = hint;
    }

    /** What the exit code means, for help texts and the README. */
    public String summary() {
        return summary;
    }

    public int exitCode() {
        return exitCode;
    }

    public String hint() {
        return hint;
    }
}
