package dev.optamigrate.strategy.job;

import java.util.Map;
import java.util.TreeMap;

/** The labels and annotations that mark a migration Job and its pod, so that they can be found again. */
public final class JobLabels {
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String SERVICE = "opta-migrate.dev/service";
    /** On the pod template: the Job's name, so that its pod is found without relying on the controller's labels. */
    public static final String JOB = "opta-migrate.dev/job";
    public static final String OPERATOR = "opta-migrate.dev/operator";
    public static final String COMMAND = "opta-migrate.dev/command";

    static final String MANAGER = "opta-migrate";
    static final String MIGRATION = "migration";

    private JobLabels() {
    }

    /** The labels every migration Job of a service carries, in a stable order. */
    public static Map<String, String> of(String service) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(MANAGED_BY, MANAGER);
        labels.put(COMPONENT, MIGRATION);
        labels.put(SERVICE, service);
        return labels;
    }
}
