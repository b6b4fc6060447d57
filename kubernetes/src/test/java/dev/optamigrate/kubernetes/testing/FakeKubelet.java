package dev.optamigrate.kubernetes.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Plays the Job controller, the sidecar injector and the kubelet on a {@link FakeCluster}: each new Job gets a
 * pod made from its template (labelled {@code job-name}, as the real controller does), which then goes through
 * the next queued {@link JobScenario}: running with its log served, then the outcome on the pod and the Job's
 * conditions. A pod the API server refuses (admission) becomes a {@code FailedCreate} event on the Job, retried
 * as the controller retries it. In a namespace annotated {@code linkerd.io/inject: enabled}, a pod whose
 * template does not opt out gets a {@code linkerd-proxy} container that keeps running, as Linkerd's injector
 * adds it (linkerd2#1869). An Indexed Job with a {@link JobScenario#run} scenario is played by
 * {@link FakeIndexedJob}, whose pods run a program for real.
 */
public final class FakeKubelet implements AutoCloseable {
    public static final String PROXY = "linkerd-proxy";
    private static final Duration TICK = Duration.ofMillis(50);
    private static final Duration RUNNING_FOR = Duration.ofMillis(300);
    private static final Duration CREATE_RETRY = Duration.ofMillis(300);
    private static final String LINKERD_INJECT = "linkerd.io/inject";
    private static final int UPDATE_ATTEMPTS = 100;

    private final KubernetesClient client;
    private final FakeCluster cluster;
    private final FakePodLogs logs;
    private final Queue<JobScenario> scenarios = new ConcurrentLinkedQueue<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, String> podOfJob = new ConcurrentHashMap<>();
    private final Thread loop;
    private volatile boolean stopped;

    public FakeKubelet(FakeCluster cluster) {
        this.client = cluster.client();
        this.cluster = cluster;
        this.logs = new FakePodLogs(cluster);
        this.loop = new Thread(this::run, "fake-kubelet");
        loop.setDaemon(true);
        loop.start();
    }

    /** Queues what happens to the next Job that appears. */
    public FakeKubelet next(JobScenario scenario) {
        scenarios.add(scenario);
        return this;
    }

    /** The name of the (newest) pod made for a Job, once it exists. */
    public String podOf(String jobName) {
        return podOfJob.get(jobName);
    }

    private void run() {
        while (!stopped) {
            try {
                for (Job job : client.batch().v1().jobs().inAnyNamespace().list().getItems()) {
                    if (seen.add(job.getMetadata().getNamespace() + "/" + job.getMetadata().getName())) {
                        JobScenario scenario = scenarios.poll();
                        if (scenario != null) {
                            Thread worker = new Thread(() -> play(job, scenario), "fake-kubelet-" + job.getMetadata()
                                    .getName());
                            worker.setDaemon(true);
                            worker.start();
                        }
                    }
                }
                Thread.sleep(TICK.toMillis());
            } catch (InterruptedException interrupted) {
                return;
            } catch (RuntimeException serverGone) {
                if (stopped) {
                    return;
                }
            }
        }
    }

    private void play(Job job, JobScenario scenario) {
        if (scenario.kind() == JobScenario.Kind.RUN && FakeIndexedJob.indexed(job)) {
            try {
                new FakeIndexedJob(client, this, logs, job, scenario.program()).play();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        Pod pod = createPod(job, scenario, 1);
        if (pod == null) {
            return;
        }
        String container = pod.getSpec().getContainers().get(0).getName();
        logs.serve(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), scenario.log(),
                scenario.failedLogReads());
        switch (scenario.kind()) {
            case IMAGE_PULL_BACK_OFF -> setPod(pod, "Pending", List.of(waiting(container, "ImagePullBackOff",
                    scenario.message() + " \"" + pod.getSpec().getContainers().get(0).getImage() + "\"")));
            case INIT_IMAGE_PULL_BACK_OFF -> client.pods().inNamespace(pod.getMetadata().getNamespace())
                    .withName(pod.getMetadata().getName()).editStatus(current -> new PodBuilder(current)
                            .withStatus(new PodStatusBuilder().withPhase("Pending")
                                    .withInitContainerStatuses(waiting("wait-for-db", "ImagePullBackOff",
                                            scenario.message()))
                                    .withContainerStatuses(waiting(container, "PodInitializing", null)).build())
                            .build());
            case CONTAINER_CONFIG_ERROR -> setPod(pod, "Pending", List.of(waiting(container,
                    "CreateContainerConfigError", scenario.message())));
            case UNSCHEDULABLE -> client.pods().inNamespace(pod.getMetadata().getNamespace())
                    .withName(pod.getMetadata().getName()).editStatus(current -> new PodBuilder(current)
                            .withStatus(new PodStatusBuilder().withPhase("Pending").addNewCondition()
                                    .withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                                    .withMessage(scenario.message()).endCondition().build()).build());
            case TRANSIENT_IMAGE_PULL -> {
                setPod(pod, "Pending", List.of(waiting(container, "ErrImagePull", scenario.message())));
                sleep(RUNNING_FOR);
                setPod(pod, "Pending", List.of(waiting(container, "ImagePullBackOff", "Back-off pulling image")));
                sleep(RUNNING_FOR);
                playRunning(job, pod, container, scenario);
            }
            default -> playRunning(job, pod, container, scenario);
        }
    }

    private void playRunning(Job job, Pod pod, String container, JobScenario scenario) {
        List<ContainerStatus> running = new ArrayList<>(List.of(running(container)));
        sidecars(pod).forEach(sidecar -> running.add(running(sidecar)));
        setPod(pod, "Running", running);
        sleep(RUNNING_FOR);
        switch (scenario.kind()) {
            case SUCCEED, TRANSIENT_IMAGE_PULL -> end(job, pod, container, 0, "Completed", scenario);
            case FAIL -> end(job, pod, container, scenario.exitCode(), "Error", scenario);
            case OOM_KILLED -> end(job, pod, container, scenario.exitCode(), "OOMKilled", scenario);
            case EVICTED -> evict(job, pod, container, scenario);
            case RETRIED -> {
                setPod(pod, "Failed", List.of(terminated(container, scenario.exitCode(), "Error")));
                Pod second = createPod(job, scenario, 2);
                logs.serve(second.getMetadata().getNamespace(), second.getMetadata().getName(), scenario.message(), 0);
                setPod(second, "Running", List.of(running(container)));
                sleep(RUNNING_FOR);
                setPod(second, "Succeeded", List.of(terminated(container, 0, "Completed")));
                setJob(job, "Complete", null, null);
            }
            case STUCK_TERMINATING -> client.pods().inNamespace(pod.getMetadata().getNamespace())
                    .withName(pod.getMetadata().getName()).delete();
            case DEADLINE_EXCEEDED -> {
                client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                        .delete();
                setJob(job, "Failed", "DeadlineExceeded", scenario.message());
            }
            case DELETED -> client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace())
                    .withName(job.getMetadata().getName()).delete();
            default -> {
                // KEEP_RUNNING: the pod stays running
            }
        }
    }

    /** The container ends; with a sidecar still running the pod stays Running and the Job never finishes. */
    private void end(Job job, Pod pod, String container, int exitCode, String reason, JobScenario scenario) {
        List<ContainerStatus> statuses = new ArrayList<>(List.of(terminated(container, exitCode, reason)));
        List<String> sidecars = sidecars(pod);
        if (!sidecars.isEmpty()) {
            sidecars.forEach(sidecar -> statuses.add(running(sidecar)));
            setPod(pod, "Running", statuses);
            return;
        }
        setPod(pod, exitCode == 0 ? "Succeeded" : "Failed", statuses);
        if (exitCode == 0) {
            setJob(job, "Complete", null, null);
        } else {
            setJob(job, "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
        }
    }

    private void evict(Job job, Pod pod, String container, JobScenario scenario) {
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .editStatus(current -> new PodBuilder(current).withStatus(new PodStatusBuilder().withPhase("Failed")
                        .withReason("Evicted").withMessage(scenario.message())
                        .addNewCondition().withType("DisruptionTarget").withStatus("True")
                        .withReason("TerminationByKubelet").withMessage("The node was low on resource: memory.")
                        .endCondition()
                        .withContainerStatuses(terminated(container, scenario.exitCode(), "Error")).build()).build());
        setJob(job, "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
    }

    /**
     * Makes the Job's pod, as the Job controller does; a refusal by the API server becomes a FailedCreate event
     * on the Job, and the pod is tried again while the Job exists. Returns null once the Job is gone.
     */
    private Pod createPod(Job job, JobScenario scenario, int attempt) {
        String namespace = job.getMetadata().getNamespace();
        String jobName = job.getMetadata().getName();
        Pod pod = podFor(job, scenario, attempt);
        while (!stopped) {
            try {
                Pod created = client.pods().inNamespace(namespace).resource(pod).create();
                podOfJob.put(jobName, created.getMetadata().getName());
                return created;
            } catch (KubernetesClientException refused) {
                cluster.recordEvent(namespace, "Job", jobName, "FailedCreate", "Error creating: "
                        + (refused.getStatus() == null ? refused.getMessage() : refused.getStatus().getMessage()));
                sleep(CREATE_RETRY);
                if (client.batch().v1().jobs().inNamespace(namespace).withName(jobName).get() == null) {
                    return null;
                }
            }
        }
        return null;
    }

    private Pod podFor(Job job, JobScenario scenario, int attempt) {
        String jobName = job.getMetadata().getName();
        PodBuilder pod = new PodBuilder()
                .withNewMetadata().withName(jobName + "-" + Integer.toString((jobName + attempt).hashCode() & 0xfffff,
                        36))
                .withNamespace(job.getMetadata().getNamespace())
                .withLabels(job.getSpec().getTemplate().getMetadata().getLabels())
                .withAnnotations(job.getSpec().getTemplate().getMetadata().getAnnotations())
                .addToLabels("job-name", jobName).addToLabels("batch.kubernetes.io/job-name", jobName)
                .endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec())
                .withNewStatus().withPhase("Pending").endStatus();
        if (scenario.kind() == JobScenario.Kind.STUCK_TERMINATING) {
            pod.editMetadata().addToFinalizers("example.com/node-lost").endMetadata();
        }
        if (scenario.sidecar() || injected(job)) {
            Container proxy = new ContainerBuilder().withName(PROXY).withImage("cr.l5d.io/linkerd/proxy:stable")
                    .build();
            pod.editSpec().addToContainers(proxy).endSpec();
        }
        return pod.build();
    }

    /** Linkerd injects unless the pod opts out; the namespace's annotation turns injection on. */
    private boolean injected(Job job) {
        Namespace namespace = client.namespaces().withName(job.getMetadata().getNamespace()).get();
        Map<String, String> annotations = namespace == null ? null : namespace.getMetadata().getAnnotations();
        Map<String, String> pod = job.getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations != null && "enabled".equals(annotations.get(LINKERD_INJECT))
                && (pod == null || !"disabled".equals(pod.get(LINKERD_INJECT)));
    }

    private static List<String> sidecars(Pod pod) {
        return pod.getSpec().getContainers().stream().map(Container::getName).filter(PROXY::equals).toList();
    }

    void setPod(Pod pod, String phase, List<ContainerStatus> statuses) {
        retrying(() -> client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata()
                .getName()).editStatus(current -> new PodBuilder(current).withStatus(new PodStatusBuilder()
                        .withPhase(phase).withContainerStatuses(statuses).build()).build()));
    }

    /** Controllers and the kubelet retry what the API server failed; so does this fake. */
    static void retrying(Runnable update) {
        for (int attempt = 1; ; attempt++) {
            try {
                update.run();
                return;
            } catch (KubernetesClientException failed) {
                if (attempt == UPDATE_ATTEMPTS) {
                    throw failed;
                }
                sleep(TICK);
            }
        }
    }

    private void setJob(Job job, String condition, String reason, String message) {
        JobStatusBuilder status = new JobStatusBuilder()
                .withSucceeded("Complete".equals(condition) ? 1 : 0).withFailed("Failed".equals(condition) ? 1 : 0)
                .withConditions(new JobConditionBuilder().withType(condition).withStatus("True").withReason(reason)
                        .withMessage(message).build());
        retrying(() -> client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace())
                .withName(job.getMetadata().getName()).editStatus(current -> new JobBuilder(current)
                        .withStatus(status.build()).build()));
    }

    static ContainerStatus running(String container) {
        return new ContainerStatusBuilder().withName(container).withReady(true)
                .withState(new ContainerStateBuilder().withNewRunning().withStartedAt("2026-11-24T10:00:00Z")
                        .endRunning().build()).build();
    }

    private static ContainerStatus waiting(String container, String reason, String message) {
        return new ContainerStatusBuilder().withName(container).withReady(false)
                .withState(new ContainerStateBuilder().withNewWaiting().withReason(reason).withMessage(message)
                        .endWaiting().build()).build();
    }

    static ContainerStatus terminated(String container, int exitCode, String reason) {
        return new ContainerStatusBuilder().withName(container).withReady(false)
                .withState(new ContainerStateBuilder().withNewTerminated().withExitCode(exitCode)
                        .withReason(reason).endTerminated().build()).build();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopped = true;
        loop.interrupt();
    }
}
