package dev.optamigrate.strategy.job.fleet;

import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.Durations;
import dev.optamigrate.kubernetes.ApiPatience;
import dev.optamigrate.kubernetes.KubernetesCalls;
import dev.optamigrate.kubernetes.Pause;
import dev.optamigrate.kubernetes.pod.PodProblem;
import dev.optamigrate.kubernetes.pod.PodStatuses;
import dev.optamigrate.kubernetes.pod.Sighting;
import dev.optamigrate.strategy.job.JobErrorCode;
import dev.optamigrate.strategy.job.JobLabels;
import dev.optamigrate.strategy.job.JobState;
import dev.optamigrate.strategy.job.MigrationJobFactory;
import dev.optamigrate.strategy.job.MigrationJobs;
import dev.optamigrate.strategy.job.WatchTiming;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Follows a fleet's Indexed Job until it ends: says when a shard's pod starts and ends, shows progress while it
 * waits, and gives each shard's outcome. It rides out passing API errors. A shard whose pod cannot start (image,
 * Secret, scheduling) ends the wait: the Job is deleted first, so that it cannot run later unseen.
 */
final class ShardWatcher {
    private final KubernetesClient client;
    private final MigrationJobs jobs;
    private final EventListener events;
    private final WatchTiming timing;
    private final ApiPatience api;
    private final Map<Integer, String> told = new HashMap<>();
    private final Map<Integer, Sighting> problems = new HashMap<>();

    ShardWatcher(KubernetesClient client, MigrationJobs jobs, EventListener events, WatchTiming timing) {
        this.client = client;
        this.jobs = jobs;
        this.events = events;
        this.timing = timing;
        this.api = new ApiPatience(timing.apiPatience(), notice -> events.on(new MigrationEvent.Progress(notice)));
    }

    /**
     * Waits until the Job has ended, and gives each shard's outcome.
     *
     * @param eachPoll runs at every poll and may end the wait by throwing (the Lease's check)
     */
    List<ShardOutcome> await(String name, int shards, Runnable eachPoll) {
        long started = System.nanoTime();
        long lastProgress = started;
        while (true) {
            eachPoll.run();
            Job job = api.call("read Job " + name + " in namespace " + jobs.namespace(), () -> jobs.get(name))
                    .orElseThrow(() -> new MigrateException(JobErrorCode.JOB_DELETED, "Job " + name + " in namespace "
                            + jobs.namespace() + " was deleted while waiting for it.", null, null));
            Map<Integer, Pod> pods = api.call("list the pods of Job " + name, () -> podsByIndex(name));
            pods.forEach(this::tell);
            pods.forEach((index, pod) -> refuseUnstartable(name, index, pod));
            if (JobState.finished(job)) {
                return outcomes(pods, shards, job);
            }
            if (System.nanoTime() - lastProgress >= timing.progress().toNanos()) {
                events.on(new MigrationEvent.Progress("Waiting for Job " + name + " ("
                        + Durations.format(Duration.ofNanos(System.nanoTime() - started)) + "): " + count(pods, shards)
                        + "."));
                lastProgress = System.nanoTime();
            }
            Pause.of(timing.poll(), "waiting for the Job");
        }
    }

    /** Each index's current pod: one that has not ended, else the newest. */
    private Map<Integer, Pod> podsByIndex(String job) {
        List<Pod> pods = KubernetesCalls.call("list the pods of Job " + job, () -> client.pods()
                .inNamespace(jobs.namespace()).withLabel(JobLabels.JOB, job).list().getItems());
        Map<Integer, Pod> byIndex = new TreeMap<>();
        Comparator<Pod> current = Comparator.comparing((Pod pod) -> !ended(pod)).thenComparing(pod -> Optional
                .ofNullable(pod.getMetadata().getCreationTimestamp()).orElse(""));
        for (Pod pod : pods) {
            IndexedJob.indexOf(pod).ifPresent(index -> byIndex.merge(index, pod, (one, other) -> current
                    .compare(one, other) >= 0 ? one : other));
        }
        return byIndex;
    }

    private void tell(int index, Pod pod) {
        String state = describe(pod);
        if (!state.equals(told.put(index, state))) {
            events.on(new MigrationEvent.Progress("Shard " + index + " (pod " + pod.getMetadata().getName() + "): "
                    + state + "."));
        }
    }

    private void refuseUnstartable(String job, int index, Pod pod) {
        Optional<PodProblem> problem = PodStatuses.startProblem(pod, MigrationJobFactory.CONTAINER);
        Duration lasted = problems.computeIfAbsent(index, unused -> new Sighting()).see(problem.map(
                PodProblem::reason).orElse(null));
        if (problem.isEmpty() || !givenUp(problem.get(), lasted)) {
            return;
        }
        jobs.delete(job);
        throw new MigrateException(problem.get().code(), "Shard " + index + " of Job " + job + " in namespace "
                + jobs.namespace() + " cannot start: pod " + pod.getMetadata().getName() + ": "
                + problem.get().words() + ". The Job was deleted, so none of its shards will start later.", null,
                null);
    }

    private boolean givenUp(PodProblem problem, Duration lasted) {
        return switch (problem.patience()) {
            case NONE -> true;
            case IMAGE_PULL -> lasted.compareTo(timing.pullGrace()) >= 0;
            case START -> lasted.compareTo(timing.startTimeout()) >= 0;
        };
    }

    private static List<ShardOutcome> outcomes(Map<Integer, Pod> pods, int shards, Job job) {
        List<ShardOutcome> outcomes = new ArrayList<>();
        for (int index = 0; index < shards; index++) {
            Pod pod = pods.get(index);
            outcomes.add(pod == null ? new ShardOutcome(index, Optional.empty(), Optional.empty(), "never ran ("
                    + stopped(job) + ")")
                    : new ShardOutcome(index, Optional.of(pod.getMetadata().getName()), exitCode(pod),
                            ended(pod) ? describe(pod) : describe(pod) + " when the Job ended (" + stopped(job) + ")"));
        }
        return outcomes;
    }

    private static String stopped(Job job) {
        JobState state = JobState.of(job, Optional.empty(), Optional.empty());
        return "Job " + state.detail();
    }

    private static String count(Map<Integer, Pod> pods, int shards) {
        long succeeded = pods.values().stream().filter(pod -> "Succeeded".equals(PodStatuses.phase(pod))).count();
        long failed = pods.values().stream().filter(pod -> "Failed".equals(PodStatuses.phase(pod))).count();
        long running = pods.values().stream().filter(pod -> "Running".equals(PodStatuses.phase(pod))).count();
        return succeeded + " of " + shards + " shards succeeded, " + failed + " failed, " + running + " running";
    }

    private static boolean ended(Pod pod) {
        String phase = PodStatuses.phase(pod);
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    private static Optional<Integer> exitCode(Pod pod) {
        return PodStatuses.terminated(pod, MigrationJobFactory.CONTAINER).map(ContainerStateTerminated::getExitCode);
    }

    private static String describe(Pod pod) {
        Optional<Integer> exit = exitCode(pod);
        if (exit.isPresent()) {
            return exit.get() == 0 ? "succeeded" : "failed with exit code " + exit.get() + PodStatuses.endReason(pod,
                    MigrationJobFactory.CONTAINER).map(reason -> " (" + reason + ")").orElse("");
        }
        return PodStatuses.phase(pod).toLowerCase(Locale.ROOT);
    }
}
