package dev.optamigrate.strategy.job;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.kubernetes.KubernetesCalls;
import dev.optamigrate.kubernetes.KubernetesErrorCode;
import dev.optamigrate.kubernetes.pod.PodStatuses;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The migration Jobs of one namespace: create one under a fresh name, find running ones, read one. */
public final class MigrationJobs {
    private static final int CONFLICT = 409;
    private static final int NAME_ATTEMPTS = 5;
    private static final List<String> ENDED = List.of("Succeeded", "Failed");

    private final KubernetesClient client;
    private final String namespace;

    public MigrationJobs(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** Refuses when a migration Job of the service has not finished yet, naming it. */
    public void refuseWhileRunning(String service) {
        List<Job> running = KubernetesCalls.call("list migration Jobs in namespace " + namespace, () -> client.batch()
                .v1().jobs().inNamespace(namespace).withLabel(JobLabels.SERVICE, service).list().getItems())
                .stream().filter(job -> !JobState.finished(job))
                .sorted(Comparator.comparing(job -> job.getMetadata().getName())).toList();
        if (!running.isEmpty()) {
            Job job = running.get(0);
            throw new MigrateException(KubernetesErrorCode.MIGRATION_IN_PROGRESS, "Migration Job "
                    + job.getMetadata().getName()
                    + " of service " + service + " is still running in namespace " + namespace + " (started "
                    + Optional.ofNullable(job.getMetadata().getCreationTimestamp()).orElse("just now") + ").",
                    "Wait for it (`opta-migrate job status " + job.getMetadata().getName() + " --namespace "
                            + namespace + " --wait`), or delete it if it is stuck.", null);
        }
    }

    /** Creates the Job under a new name, drawing another if the name is taken; returns the created Job. */
    public Job create(MigrationJobSpec spec, String operator) {
        return create(spec, operator, UnaryOperator.identity());
    }

    /**
     * Creates the Job under a new name, drawing another if the name is taken; returns the created Job.
     *
     * @param shape what to change on the Job built from the spec before it is created (an Indexed Job's fields)
     */
    public Job create(MigrationJobSpec spec, String operator, UnaryOperator<Job> shape) {
        for (int attempt = 1; ; attempt++) {
            String name = JobNames.next(spec.where().service());
            Job job = shape.apply(MigrationJobFactory.build(spec, (ObjectMetaBuilder metadata) -> metadata
                    .withName(name), operator));
            try {
                return KubernetesCalls.call("create Job " + name + " in namespace " + namespace,
                        () -> createOrConflict(job));
            } catch (NameTaken taken) {
                if (attempt == NAME_ATTEMPTS) {
                    throw new MigrateException(CoreErrorCode.INTERNAL, "Could not find a free Job name after "
                            + NAME_ATTEMPTS + " attempts.", null);
                }
            }
        }
    }

    private Job createOrConflict(Job job) {
        try {
            return client.batch().v1().jobs().inNamespace(namespace).resource(job).create();
        } catch (KubernetesClientException failure) {
            if (failure.getCode() == CONFLICT) {
                throw new NameTaken();
            }
            throw failure;
        }
    }

    /** The Job, if it exists. */
    public Optional<Job> get(String name) {
        return Optional.ofNullable(KubernetesCalls.call("read Job " + name + " in namespace " + namespace,
                () -> client.batch().v1().jobs().inNamespace(namespace).withName(name).get()));
    }

    /** The Job's state, classified; a Job that does not exist is an error that says where it was looked for. */
    public JobState state(String name) {
        Job job = get(name).orElseThrow(() -> new MigrateException(CoreErrorCode.CONFIGURATION, "There is no Job "
                + name
                + " in namespace " + namespace + ".", "Check the name and --namespace (or --service); finished Jobs "
                + "are removed after --job-ttl.", null));
        Optional<Pod> pod = newestPod(name);
        return JobState.of(job, pod, pod.isPresent() ? Optional.empty() : failedCreate(name));
    }

    /**
     * The Job's current pod, if it has one yet: one that has not ended, else the newest. Creation times have
     * whole seconds only, so a retry made in the same second as the pod it replaces is told apart by its phase.
     */
    public Optional<Pod> newestPod(String job) {
        return KubernetesCalls.call("list the pods of Job " + job, () -> client.pods().inNamespace(namespace)
                .withLabel(JobLabels.JOB, job).list().getItems()).stream()
                .max(Comparator.comparing((Pod pod) -> !ENDED.contains(PodStatuses.phase(pod)))
                        .thenComparing(pod -> Optional.ofNullable(pod.getMetadata().getCreationTimestamp())
                                .orElse("")));
    }

    /** The pod, if it exists. */
    public Optional<Pod> pod(String name) {
        return Optional.ofNullable(KubernetesCalls.call("read pod " + name + " in namespace " + namespace,
                () -> client.pods().inNamespace(namespace).withName(name).get()));
    }

    /**
     * The message of the Job's newest {@code FailedCreate} event: the Job controller's report that the API
     * server refused the Job's pod (Pod Security, a quota or LimitRange, a webhook, a missing ServiceAccount).
     */
    public Optional<String> failedCreate(String job) {
        List<Event> refusals = KubernetesCalls.call("list the events of Job " + job + " in namespace " + namespace,
                () -> client.v1().events().inNamespace(namespace).withField("involvedObject.kind", "Job")
                        .withField("involvedObject.name", job).withField("reason", "FailedCreate").list().getItems());
        return refusals.stream().max(Comparator.comparing(MigrationJobs::when)).map(Event::getMessage);
    }

    private static String when(Event event) {
        return Optional.ofNullable(event.getLastTimestamp()).or(() -> Optional.ofNullable(event.getEventTime())
                .map(MicroTime::getTime)).orElse("");
    }

    /** Deletes the Job and its pod, so that a Job reported as failed can never start later. */
    public void delete(String name) {
        KubernetesCalls.run("delete Job " + name + " in namespace " + namespace, () -> client.batch().v1().jobs()
                .inNamespace(namespace).withName(name).withPropagationPolicy(DeletionPropagation.BACKGROUND)
                .delete());
    }

    public String namespace() {
        return namespace;
    }

    /** A name that was taken between drawing it and creating the Job. */
    private static final class NameTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NameTaken() {
            super(null, null, false, false);
        }
    }
}
