package dev.optamigrate.kubernetes.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays the Job controller and the kubelet for an Indexed Job ({@code completionMode: Indexed}): one pod per
 * completion index, at most {@code parallelism} at once, each annotated and labelled with its index as the
 * controller does; each pod's container runs the {@link PodProgram}. Once every index ended, the Job gets its
 * {@code completedIndexes}, {@code failedIndexes} and a Complete condition, or Failed with reason FailedIndexes.
 */
final class FakeIndexedJob {
    static final String INDEX = "batch.kubernetes.io/job-completion-index";
    private static final Pattern FIELD_ANNOTATION = Pattern.compile("metadata\\.annotations\\['(.+)']");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private final KubernetesClient client;
    private final FakeKubelet kubelet;
    private final FakePodLogs logs;
    private final Job job;
    private final PodProgram program;
    private final Set<Integer> completed = new TreeSet<>();
    private final Set<Integer> failed = new TreeSet<>();

    FakeIndexedJob(KubernetesClient client, FakeKubelet kubelet, FakePodLogs logs, Job job, PodProgram program) {
        this.client = client;
        this.kubelet = kubelet;
        this.logs = logs;
        this.job = job;
        this.program = program;
    }

    static boolean indexed(Job job) {
        return "Indexed".equals(job.getSpec().getCompletionMode());
    }

    void play() throws InterruptedException {
        int completions = job.getSpec().getCompletions();
        int parallelism = Optional.ofNullable(job.getSpec().getParallelism()).orElse(1);
        ExecutorService pods = Executors.newFixedThreadPool(parallelism);
        for (int index = 0; index < completions; index++) {
            int shard = index;
            pods.submit(() -> runIndex(shard));
        }
        pods.shutdown();
        if (!pods.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the pods of " + job.getMetadata().getName() + " did not end");
        }
        JobStatusBuilder status = new JobStatusBuilder().withSucceeded(completed.size()).withFailed(failed.size())
                .withCompletedIndexes(ranges(completed)).withFailedIndexes(failed.isEmpty() ? null : ranges(failed))
                .withConditions(failed.isEmpty()
                        ? new JobConditionBuilder().withType("Complete").withStatus("True").build()
                        : new JobConditionBuilder().withType("Failed").withStatus("True").withReason("FailedIndexes")
                                .withMessage("Job has failed indexes").build());
        FakeKubelet.retrying(() -> client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace())
                .withName(job.getMetadata().getName()).editStatus(current -> new JobBuilder(current)
                        .withStatus(status.build()).build()));
    }

    private void runIndex(int index) {
        Pod pod = client.pods().inNamespace(job.getMetadata().getNamespace()).resource(podFor(index)).create();
        Container container = pod.getSpec().getContainers().get(0);
        kubelet.setPod(pod, "Running", List.of(FakeKubelet.running(container.getName())));
        Map<String, String> environment = environment(pod, container);
        List<String> command = container.getCommand().stream().map(word -> expand(word, environment)).toList();
        PodProgram.Ran ran = program.run(command, environment);
        logs.serve(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), ran.log(), 0);
        kubelet.setPod(pod, ran.exitCode() == 0 ? "Succeeded" : "Failed", List.of(FakeKubelet.terminated(
                container.getName(), ran.exitCode(), ran.exitCode() == 0 ? "Completed" : "Error")));
        synchronized (this) {
            (ran.exitCode() == 0 ? completed : failed).add(index);
        }
    }

    private Pod podFor(int index) {
        String jobName = job.getMetadata().getName();
        return new PodBuilder().withNewMetadata()
                .withName(jobName + "-" + index + "-" + Integer.toString((jobName + index).hashCode() & 0xfffff, 36))
                .withNamespace(job.getMetadata().getNamespace())
                .withLabels(job.getSpec().getTemplate().getMetadata().getLabels())
                .withAnnotations(job.getSpec().getTemplate().getMetadata().getAnnotations())
                .addToLabels("job-name", jobName).addToLabels("batch.kubernetes.io/job-name", jobName)
                .addToLabels(INDEX, String.valueOf(index)).addToAnnotations(INDEX, String.valueOf(index))
                .endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec())
                .withNewStatus().withPhase("Pending").endStatus().build();
    }

    /** The container's environment as the kubelet resolves it: Secrets by reference, annotations by field path. */
    private Map<String, String> environment(Pod pod, Container container) {
        Map<String, String> environment = new LinkedHashMap<>();
        String namespace = pod.getMetadata().getNamespace();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getSecretRef() != null) {
                secret(namespace, source.getSecretRef().getName()).ifPresent(environment::putAll);
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                environment.put(variable.getName(), expand(variable.getValue(), environment));
            } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                var reference = variable.getValueFrom().getSecretKeyRef();
                secret(namespace, reference.getName()).map(data -> data.get(reference.getKey()))
                        .ifPresent(value -> environment.put(variable.getName(), value));
            } else if (variable.getValueFrom().getFieldRef() != null) {
                Matcher annotation = FIELD_ANNOTATION.matcher(variable.getValueFrom().getFieldRef().getFieldPath());
                if (annotation.matches()) {
                    environment.put(variable.getName(), pod.getMetadata().getAnnotations().get(annotation.group(1)));
                }
            }
        }
        return environment;
    }

    private Optional<Map<String, String>> secret(String namespace, String name) {
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        return Optional.ofNullable(secret).map(found -> found.getData().entrySet().stream().collect(
                Collectors.toMap(Map.Entry::getKey, entry -> new String(Base64.getDecoder().decode(entry.getValue()),
                        StandardCharsets.UTF_8))));
    }

    /** {@code $(VAR)} replaced by the variable's value, left as it is when the variable is not set. */
    private static String expand(String text, Map<String, String> environment) {
        return text == null ? null : REFERENCE.matcher(text).replaceAll(reference -> Matcher.quoteReplacement(
                environment.getOrDefault(reference.group(1), reference.group())));
    }

    /** Indexes as the Job status writes them: {@code 0-2,5}. */
    private static String ranges(Set<Integer> indexes) {
        List<String> ranges = new ArrayList<>();
        Integer start = null;
        Integer last = null;
        for (int index : indexes) {
            if (last != null && index == last + 1) {
                last = index;
                continue;
            }
            if (start != null) {
                ranges.add(start.equals(last) ? String.valueOf(start) : start + "-" + last);
            }
            start = index;
            last = index;
        }
        if (start != null) {
            ranges.add(start.equals(last) ? String.valueOf(start) : start + "-" + last);
        }
        return String.join(",", ranges);
    }
}
