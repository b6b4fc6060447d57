package dev.optamigrate.strategy.job;

import dev.optamigrate.kubernetes.ServiceWorkload;
import dev.optamigrate.kubernetes.pod.PodShape;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Builds the migration Job. Credentials are only ever referenced ({@code secretKeyRef}, {@code envFrom}): the
 * Job copies the service container's references and adds one for each database variable it lacks, and it
 * copies no literal environment value, so that no password can reach the manifest. Its pod keeps service-mesh
 * sidecars out, and passes Pod Security {@code restricted} unless the Deployment it copies does not.
 */
public final class MigrationJobFactory {
    /** The Job's only container. */
    public static final String CONTAINER = "migrate";
    /** The Deployment controller's label on its ReplicaSets' pods; never copied. */
    private static final String POD_TEMPLATE_HASH = "pod-template-hash";

    private MigrationJobFactory() {
    }

    /**
     * The Job.
     *
     * @param naming sets the name (or {@code generateName}) and any annotations a deployment tool needs
     */
    public static Job build(MigrationJobSpec spec, UnaryOperator<ObjectMetaBuilder> naming, String operator) {
        Map<String, String> labels = JobLabels.of(spec.where().service());
        ObjectMetaBuilder metadata = new ObjectMetaBuilder().withNamespace(spec.where().namespace())
                .withLabels(labels)
                .addToAnnotations(JobLabels.COMMAND, String.join(" ", spec.effectiveCommand()));
        if (operator != null) {
            metadata.addToAnnotations(JobLabels.OPERATOR, operator);
        }
        Job job = new JobBuilder().withMetadata(naming.apply(metadata).build())
                .withNewSpec()
                .withBackoffLimit(spec.backoffLimit())
                .withActiveDeadlineSeconds(spec.deadline().toSeconds())
                .withTtlSecondsAfterFinished((int) spec.ttl().toSeconds())
                .withNewTemplate()
                .withNewMetadata().withLabels(podLabels(spec, labels))
                .withAnnotations(new TreeMap<>(PodShape.MESH_OPT_OUT_ANNOTATIONS)).endMetadata()
                .withSpec(podSpec(spec))
                .endTemplate()
                .endSpec()
                .build();
        String name = job.getMetadata().getName();
        if (name != null) {
            job.getSpec().getTemplate().getMetadata().getLabels().put(JobLabels.JOB, name);
        }
        return job;
    }

    /**
     * What of the Deployment's pod the Job leaves out, in words, when anything: pod (anti-)affinity, which is
     * about the service's own pods and could leave the Job's pod nowhere to run, and the labels the Deployment
     * selects its pods by, so that neither the Deployment nor its Service counts the Job's pod as theirs.
     */
    public static Optional<String> notCopied(ServiceWorkload workload) {
        List<String> left = new ArrayList<>();
        Affinity affinity = workload.podSpec().getAffinity();
        if (affinity != null && (affinity.getPodAffinity() != null || affinity.getPodAntiAffinity() != null)) {
            left.add("its pod affinity and anti-affinity (they are about the service's own pods; node affinity "
                    + "is copied)");
        }
        Set<String> selected = selectorKeys(workload);
        if (!selected.isEmpty()) {
            left.add("the labels it selects its pods by (" + String.join(", ", selected) + "), so that neither it nor "
                    + "its Service takes the Job's pod for one of theirs; a NetworkPolicy that must let the migration "
                    + "reach the database can select " + JobLabels.COMPONENT + "=" + JobLabels.MIGRATION);
        }
        return left.isEmpty() ? Optional.empty() : Optional.of("Not copied from Deployment " + workload.name() + ": "
                + String.join("; ", left) + ".");
    }

    /** The Job's labels over the Deployment's pod labels, without the ones its selector uses. */
    private static Map<String, String> podLabels(MigrationJobSpec spec, Map<String, String> labels) {
        Map<String, String> pod = new TreeMap<>();
        spec.workload().ifPresent(workload -> {
            Map<String, String> service = workload.deployment().getSpec().getTemplate().getMetadata().getLabels();
            if (service != null) {
                pod.putAll(service);
            }
            pod.keySet().removeAll(selectorKeys(workload));
            pod.remove(POD_TEMPLATE_HASH);
        });
        pod.putAll(PodShape.MESH_OPT_OUT_LABELS);
        pod.putAll(labels);
        return pod;
    }

    private static Set<String> selectorKeys(ServiceWorkload workload) {
        LabelSelector selector = workload.deployment().getSpec().getSelector();
        Set<String> keys = new TreeSet<>();
        if (selector != null && selector.getMatchLabels() != null) {
            keys.addAll(selector.getMatchLabels().keySet());
        }
        if (selector != null && selector.getMatchExpressions() != null) {
            selector.getMatchExpressions().forEach(expression -> keys.add(expression.getKey()));
        }
        return keys;
    }

    /**
     * The pod: the Deployment's service account, pull secrets, node selection, tolerations and security
     * settings when there is one, else the Pod Security {@code restricted} settings.
     */
    private static PodSpec podSpec(MigrationJobSpec spec) {
        PodSpecBuilder pod = new PodSpecBuilder().withRestartPolicy("Never").withContainers(container(spec))
                .withSecurityContext(PodShape.restrictedPod());
        spec.workload().map(ServiceWorkload::podSpec).ifPresent(service -> pod
                .withServiceAccountName(service.getServiceAccountName())
                .withImagePullSecrets(service.getImagePullSecrets())
                .withNodeSelector(service.getNodeSelector())
                .withTolerations(service.getTolerations())
                .withAffinity(nodeAffinityOnly(service.getAffinity()))
                .withSecurityContext(service.getSecurityContext()));
        spec.migrator().ifPresent(migrator -> pod.withVolumes(migrator.volume())
                .withInitContainers(migrator.copyContainer(spec.image(), containerSecurity(spec))));
        return pod.build();
    }

    private static Affinity nodeAffinityOnly(Affinity affinity) {
        return affinity == null || affinity.getNodeAffinity() == null ? null
                : new AffinityBuilder().withNodeAffinity(affinity.getNodeAffinity()).build();
    }

    private static Container container(MigrationJobSpec spec) {
        ContainerBuilder container = new ContainerBuilder().withName(CONTAINER).withImage(spec.containerImage())
                .withCommand(spec.effectiveCommand()).withEnv(environment(spec))
                .withSecurityContext(containerSecurity(spec));
        spec.workload().map(ServiceWorkload::container).ifPresent(service -> container
                .withEnvFrom(service.getEnvFrom())
                .withResources(service.getResources()));
        spec.migrator().ifPresent(migrator -> container.withVolumeMounts(migrator.mount()));
        return container.build();
    }

    /**
     * The service container's security settings (none when it has none) when the Deployment is known, else the
     * restricted ones.
     */
    private static SecurityContext containerSecurity(MigrationJobSpec spec) {
        return spec.workload().isPresent() ? spec.workload().get().container().getSecurityContext()
                : PodShape.restrictedContainer();
    }

    /** The service's referenced variables, a reference for each database variable it lacks, then the settings. */
    public static List<EnvVar> environment(MigrationJobSpec spec) {
        List<EnvVar> environment = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        List<EnvVar> serviceEnvironment = spec.workload().map(workload -> workload.container().getEnv())
                .orElse(List.of());
        for (EnvVar variable : serviceEnvironment) {
            if (variable.getValueFrom() != null && names.add(variable.getName())) {
                environment.add(variable);
            }
        }
        for (String variable : spec.variables()) {
            if (names.add(variable)) {
                environment.add(new EnvVarBuilder().withName(variable).withNewValueFrom()
                        .withNewSecretKeyRef(variable, spec.where().secret(), false).endValueFrom().build());
            }
        }
        Map<String, String> settings = new HashMap<>(spec.settings());
        settings.keySet().removeAll(names);
        settings.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(setting -> environment.add(
                new EnvVarBuilder().withName(setting.getKey()).withValue(setting.getValue()).build()));
        return environment;
    }
}
