package dev.optamigrate.kubernetes.testing;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Plays the Job controller and the kubelet on a {@link FakeCluster}: each new Job gets a pod made from its
 * template (labelled {@code job-name}, as the real controller does), which then goes through the next queued
 * {@link JobScenario}: running with its log served, then the outcome on the pod and the Job's conditions.
 */
public final class FakeKubelet implements AutoCloseable {
    private static final Duration TICK = Duration.ofMillis(50);
    private static final Duration RUNNING_FOR = Duration.ofMillis(300);

    private final FakeCluster cluster;
    private final KubernetesClient client;
    private final Queue<JobScenario> scenarios = new ConcurrentLinkedQueue<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, String> podOfJob = new ConcurrentHashMap<>();
    private final Thread loop;
    private volatile boolean stopped;

    public FakeKubelet(FakeCluster cluster) {
        this.cluster = cluster;
        this.client = cluster.client();
        this.loop = new Thread(this::run, "fake-kubelet");
        loop.setDaemon(true);
        loop.start();
    }

    /** Queues what happens to the next Job that appears. */
    public FakeKubelet next(JobScenario scenario) {
        scenarios.add(scenario);
        return this;
    }

    /** The name of the pod made for a Job, once it exists. */
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
        String namespace = job.getMetadata().getNamespace();
        String jobName = job.getMetadata().getName();
        Pod pod = createPod(job);
        String podName = pod.getMetadata().getName();
        podOfJob.put(jobName, podName);
        String container = pod.getSpec().getContainers().get(0).getName();
        serveLog(namespace, podName, container, scenario.log());
        switch (scenario.kind()) {
            case IMAGE_PULL_BACK_OFF -> setPod(pod, "Pending", waiting(container, "ImagePullBackOff",
                    scenario.message() + " \"" + pod.getSpec().getContainers().get(0).getImage() + "\""), null);
            case CONTAINER_CONFIG_ERROR -> setPod(pod, "Pending", waiting(container, "CreateContainerConfigError",
                    scenario.message()), null);
            case UNSCHEDULABLE -> setPod(pod, "Pending", null, scenario.message());
            default -> playRunning(job, pod, container, scenario);
        }
    }

    private void playRunning(Job job, Pod pod, String container, JobScenario scenario) {
        setPod(pod, "Running", new ContainerStatusBuilder().withName(container).withReady(true)
                .withState(new ContainerStateBuilder().withNewRunning().withStartedAt("2026-11-24T10:00:00Z")
                        .endRunning().build()).build(), null);
        sleep(RUNNING_FOR);
        switch (scenario.kind()) {
            case SUCCEED -> {
                setPod(pod, "Succeeded", terminated(container, 0), null);
                setJob(job, "Complete", null, null);
            }
            case FAIL -> {
                setPod(pod, "Failed", terminated(container, scenario.exitCode()), null);
                setJob(job, "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
            }
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

    private Pod createPod(Job job) {
        String jobName = job.getMetadata().getName();
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(jobName + "-" + Integer.toString(jobName.hashCode() & 0xfffff, 36))
                .withNamespace(job.getMetadata().getNamespace())
                .withLabels(job.getSpec().getTemplate().getMetadata().getLabels())
                .addToLabels("job-name", jobName).addToLabels("batch.kubernetes.io/job-name", jobName)
                .endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec())
                .withNewStatus().withPhase("Pending").endStatus()
                .build();
        return client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
    }

    private void serveLog(String namespace, String pod, String container, String log) {
        String base = "/api/v1/namespaces/" + namespace + "/pods/" + pod + "/log?pretty=false&container=" + container;
        cluster.server().expect().get().withPath(base + "&follow=true").andReturn(200, log).always();
        cluster.server().expect().get().withPath(base).andReturn(200, log).always();
    }

    private void setPod(Pod pod, String phase, ContainerStatus status, String unschedulable) {
        PodStatusBuilder builder = new PodStatusBuilder().withPhase(phase);
        if (status != null) {
            builder.withContainerStatuses(status);
        }
        if (unschedulable != null) {
            builder.addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                    .withMessage(unschedulable).endCondition();
        }
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .editStatus(current -> new PodBuilder(current).withStatus(builder.build()).build());
    }

    private void setJob(Job job, String condition, String reason, String message) {
        JobStatusBuilder status = new JobStatusBuilder()
                .withSucceeded("Complete".equals(condition) ? 1 : 0).withFailed("Failed".equals(condition) ? 1 : 0)
                .withConditions(new JobConditionBuilder().withType(condition).withStatus("True").withReason(reason)
                        .withMessage(message).build());
        client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).withName(job.getMetadata().getName())
                .editStatus(current -> new JobBuilder(current)
                        .withStatus(status.build()).build());
    }

    private static ContainerStatus waiting(String container, String reason, String message) {
        return new ContainerStatusBuilder().withName(container).withReady(false)
                .withState(new ContainerStateBuilder().withNewWaiting().withReason(reason).withMessage(message)
                        .endWaiting().build()).build();
    }

    private static ContainerStatus terminated(String container, int exitCode) {
        return new ContainerStatusBuilder().withName(container).withReady(false)
                .withState(new ContainerStateBuilder().withNewTerminated().withExitCode(exitCode)
                        .withReason(exitCode == 0 ? "Completed" : "Error").endTerminated().build()).build();
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
