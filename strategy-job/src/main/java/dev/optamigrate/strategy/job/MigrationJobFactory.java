package dev.optamigrate.strategy.job;

import dev.optamigrate.kubernetes.ServiceWorkload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Builds the migration Job. Credentials are only ever referenced ({@code secretKeyRef}, {@code envFrom}): the
 * Job copies the service container's references and adds one for each database variable it lacks, and it
 * copies no literal environment value, so that no password can reach the manifest.
 */
public final class MigrationJobFactory {
    /** The Job's only container. */
    public static final String CONTAINER = "migrate";

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
                .withNewMetadata().withLabels(labels).endMetadata()
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

    private static PodSpec podSpec(MigrationJobSpec spec) {
        PodSpecBuilder pod = new PodSpecBuilder().withRestartPolicy("Never").withContainers(container(spec));
        spec.workload().map(ServiceWorkload::podSpec).ifPresent(service -> pod
                .withServiceAccountName(service.getServiceAccountName())
                .withImagePullSecrets(service.getImagePullSecrets())
                .withNodeSelector(service.getNodeSelector())
                .withTolerations(service.getTolerations())
                .withAffinity(service.getAffinity())
                .withSecurityContext(service.getSecurityContext()));
        return pod.build();
    }

    private static Container container(MigrationJobSpec spec) {
        ContainerBuilder container = new ContainerBuilder().withName(CONTAINER).withImage(spec.image())
                .withCommand(spec.effectiveCommand()).withEnv(environment(spec));
        spec.workload().map(ServiceWorkload::container).ifPresent(service -> container
                .withEnvFrom(service.getEnvFrom())
                .withSecurityContext(service.getSecurityContext())
                .withResources(service.getResources()));
        return container.build();
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
