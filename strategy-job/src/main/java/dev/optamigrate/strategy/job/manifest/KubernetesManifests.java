package dev.optamigrate.strategy.job.manifest;

import dev.optamigrate.strategy.job.JobNames;
import dev.optamigrate.strategy.job.MigrationJobFactory;
import dev.optamigrate.strategy.job.MigrationJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;

/** The Kubernetes manifests `generate` writes: a plain Job, a Helm hook, an Argo CD hook, and the CLI's Role. */
public final class KubernetesManifests {
    /** The Helm values expression for the image, used when no image is given. */
    public static final String HELM_IMAGE = "{{ .Values.image.repository }}:{{ .Values.image.tag }}";
    public static final String ROLE = "opta-migrate";

    private KubernetesManifests() {
    }

    /** A plain Job with {@code generateName}, so that each {@code kubectl create} makes a new run. */
    public static Job job(MigrationJobSpec spec) {
        return MigrationJobFactory.build(spec, metadata -> metadata
                .withGenerateName(JobNames.prefix(spec.where().service())), null);
    }

    /** A Helm hook that runs before install and upgrade; the release revision makes each run's name new. */
    public static Job helmHook(MigrationJobSpec spec) {
        return MigrationJobFactory.build(spec, metadata -> metadata
                .withName(JobNames.prefix(spec.where().service()) + "{{ .Release.Revision }}")
                .addToAnnotations("helm.sh/hook", "pre-install,pre-upgrade")
                .addToAnnotations("helm.sh/hook-weight", "-5")
                .addToAnnotations("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded"), null);
    }

    /** An Argo CD PreSync hook with {@code generateName}, deleted once it succeeded. */
    public static Job argoCdHook(MigrationJobSpec spec) {
        return MigrationJobFactory.build(spec, metadata -> metadata
                .withGenerateName(JobNames.prefix(spec.where().service()))
                .addToAnnotations("argocd.argoproj.io/hook", "PreSync")
                .addToAnnotations("argocd.argoproj.io/hook-delete-policy", "HookSucceeded"), null);
    }

    /**
     * The Role the CLI needs in the service's namespace for the job strategy, {@code job status|logs} and
     * {@code guard}: read the Deployment, create, watch and delete Jobs, read pods and their logs, and hold the
     * migration Lease. It grants no access to Secrets.
     */
    public static Role role(String namespace) {
        return new RoleBuilder().withNewMetadata().withName(ROLE).withNamespace(namespace).endMetadata()
                .withRules(
                        new PolicyRuleBuilder().withApiGroups("apps").withResources("deployments")
                                .withVerbs("get", "list").build(),
                        new PolicyRuleBuilder().withApiGroups("batch").withResources("jobs")
                                .withVerbs("create", "get", "list", "watch", "delete").build(),
                        new PolicyRuleBuilder().withApiGroups("").withResources("pods")
                                .withVerbs("get", "list", "watch").build(),
                        new PolicyRuleBuilder().withApiGroups("").withResources("pods/log").withVerbs("get").build(),
                        new PolicyRuleBuilder().withApiGroups("coordination.k8s.io").withResources("leases")
                                .withVerbs("get", "create", "update", "patch", "delete").build())
                .build();
    }
}
