package dev.optamigrate.strategy.job.manifest;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;

/**
 * The Role each strategy that talks to Kubernetes needs in the service's namespace, and nothing more: only the
 * external strategy with credentials from the cluster reads a Secret, and only the one named. Exec and
 * port-forward run over WebSocket, whose upgrade the API server authorises as {@code get} (and from Kubernetes
 * 1.35 also {@code create}), so both verbs are granted; the Job's events are listed to report a pod the cluster
 * refused to create.
 */
public enum StrategyRoles {
    /** {@code migrate --strategy job}, {@code job status|logs}, {@code guard}. */
    JOB("opta-migrate"),
    /** {@code migrate --strategy shell}. */
    SHELL("opta-migrate-shell"),
    /** {@code migrate --strategy external} with {@code --credentials-from-cluster} or {@code --tunnel}. */
    EXTERNAL("opta-migrate-external");

    private final String roleName;

    StrategyRoles(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    /** @param secret the Secret the external strategy may read the credentials from */
    public Role role(String namespace, String secret) {
        return new RoleBuilder().withNewMetadata().withName(roleName).withNamespace(namespace).endMetadata()
                .withRules(rules(secret)).build();
    }

    private List<PolicyRule> rules(String secret) {
        PolicyRule leases = rule("coordination.k8s.io", "leases", "get", "create", "update", "delete");
        return switch (this) {
            case JOB -> List.of(rule("apps", "deployments", "get", "list"),
                    rule("batch", "jobs", "create", "get", "list", "watch", "delete"),
                    rule("", "pods", "get", "list", "watch"), rule("", "pods/log", "get"),
                    rule("", "events", "list", "create"), leases);
            case SHELL -> List.of(rule("apps", "deployments", "get", "list"), rule("apps", "replicasets", "list"),
                    rule("batch", "jobs", "list"), rule("", "pods", "get", "list"),
                    rule("", "pods/exec", "get", "create"), rule("", "events", "create"),
                    leases);
            case EXTERNAL -> List.of(new PolicyRuleBuilder().withApiGroups("").withResources("secrets")
                    .withResourceNames(secret).withVerbs("get").build(),
                    rule("apps", "deployments", "get", "list"), rule("", "pods", "create", "get", "list", "delete"),
                    rule("", "pods/portforward", "get", "create"));
        };
    }

    private static PolicyRule rule(String group, String resource, String... verbs) {
        return new PolicyRuleBuilder().withApiGroups(group).withResources(resource).withVerbs(verbs).build();
    }
}
