package dev.optamigrate.strategy.job.manifest;

import dev.optamigrate.strategy.job.JobNames;
import dev.optamigrate.strategy.job.MigrationJobFactory;
import dev.optamigrate.strategy.job.MigrationJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/** The Kubernetes manifests `generate` writes: a plain Job, a Helm hook and an Argo CD hook. */
public final class KubernetesManifests {
    /** The Helm values expression for the image, used when no image is given. */
    public static final String HELM_IMAGE = "{{ .Values.image.repository }}:{{ .Values.image.tag }}";

    private KubernetesManifests() {
    }

    /** A plain Job with {@code generateName}, so that each {@code kubectl create} makes a new run. */
    public static Job job(MigrationJobSpec spec) {
        return MigrationJobFactory.build(spec, metadata -> metadata
                .withGenerateName(JobNames.prefix(spec.where().service())), null);
    }

    /**
     * A Helm hook that runs before install and upgrade in the release's namespace; the release revision makes
     * each run's name new.
     */
    public static Job helmHook(MigrationJobSpec spec) {
        return MigrationJobFactory.build(spec, metadata -> metadata
                .withName(JobNames.prefix(spec.where().service()) + "{{ .Release.Revision }}")
                .withNamespace("{{ .Release.Namespace }}")
                .addToAnnotations("helm.sh/hook", "pre-install,pre-upgrade")
                .addToAnnotations("helm.sh/hook-weight", "-5")
                .addToAnnotations("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded"), null);
    }

    /**
     * An Argo CD PreSync hook with {@code generateName}, deleted once it succeeded; its prefix leaves room for
     * the revision, phase and time Argo CD appends.
     */
    public static Job argoCdHook(MigrationJobSpec spec) {
        return MigrationJobFactory.build(spec, metadata -> metadata
                .withGenerateName(JobNames.argoCdPrefix(spec.where().service()))
                .addToAnnotations("argocd.argoproj.io/hook", "PreSync")
                .addToAnnotations("argocd.argoproj.io/hook-delete-policy", "HookSucceeded"), null);
    }
}
