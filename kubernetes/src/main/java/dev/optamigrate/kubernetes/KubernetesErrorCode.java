package dev.optamigrate.kubernetes;

import dev.optamigrate.core.error.ErrorCode;

/**
 * The error codes of everything that talks to a cluster: its API, RBAC, the migration Lease, and the pods opta-migrate
 * starts (a Job's, the tunnel's).
 * The exit codes are part of the command-line interface: scripts may rely on them.
 */
public enum KubernetesErrorCode implements ErrorCode {
    KUBERNETES_UNAVAILABLE(10, "cannot reach the Kubernetes API, or no cluster is configured",
            "Check the kubeconfig (KUBECONFIG, ~/.kube/config) and --context, and that this machine reaches "
            + "the cluster's API server."),
    KUBERNETES_FORBIDDEN(11, "the Kubernetes API refused a request (RBAC)",
            "Grant the Role that `opta-migrate generate rbac --service NAME --for STRATEGY` prints, bound to the user "
            + "or service account that runs opta-migrate."),
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
    LEASE_LOST(24, "the service's migration Lease was lost while the migration ran (taken over, deleted, or not "
            + "renewable)",
            "Another migration may start meanwhile. See who holds the Lease, and what the Job or pod still does, "
            + "before you run again.");

    private final Definition definition;

    KubernetesErrorCode(int exitCode, String summary, String hint) {
        this.definition = new Definition(exitCode, summary, hint);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
