package dev.optamigrate.kubernetes;

import dev.optamigrate.core.settings.Setting;

/**
 * The settings of everything that talks to a cluster: where the service is, and how long a pod opta-migrate starts may
 * take to start.
 */
public enum KubernetesSetting implements Setting {
    SERVICE("service", null, "Service (the Opta manifest's name) whose Deployment a Job copies; needed by the "
            + "job strategy and `generate`"),
    NAMESPACE("namespace", null, "Kubernetes namespace; default: the service's name, as Opta names it"),
    CONTEXT("context", null, "kubeconfig context; default: the current context, or the in-cluster account"),
    DEPLOYMENT("deployment", null, "The service's Deployment; default: the only Deployment in the namespace"),
    CONTAINER("container", "k8s-service", "Container of the Deployment whose image and environment a Job copies"),
    SECRET("secret", "secret", "Secret that holds the database variables (Opta's links fill `secret`)"),
    JOB_START_TIMEOUT("job-start-timeout", "5m", Kind.DURATION,
            "Longest wait for a pod opta-migrate starts (the Job's, the "
            + "tunnel's) to be scheduled and start");

    private final Definition definition;

    KubernetesSetting(String key, String defaultValue, String description) {
        this(key, defaultValue, Kind.TEXT, description);
    }

    KubernetesSetting(String key, String defaultValue, Kind kind, String description) {
        this.definition = new Definition(key, defaultValue, kind, description);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
