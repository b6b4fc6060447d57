package dev.optamigrate.strategy.job;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.Durations;
import dev.optamigrate.kubernetes.ApiPatience;
import dev.optamigrate.kubernetes.Pause;
import dev.optamigrate.kubernetes.pod.PodProblem;
import dev.optamigrate.kubernetes.pod.PodStatuses;
import dev.optamigrate.kubernetes.pod.Sighting;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Waits for a migration Job's outcome: shows progress while it waits, streams the log of each pod the Job runs,
 * and ends normally on success or with the error that matches the failure. It rides out passing API errors. A
 * Job whose pod cannot start (image, Secret, scheduling, admission) is deleted before the error is reported, so
 * that it cannot run later unseen; so is a Job whose {@code migrate} container ended while injected sidecars
 * keep its pod, and so the Job, running.
 */
public final class JobWatcher {
    private static final Duration LOG_DRAIN = Duration.ofSeconds(10);

    private final KubernetesClient client;
    private final MigrationJobs jobs;
    private final EventListener events;
    private final WatchTiming timing;
    private final ApiPatience api;

    public JobWatcher(KubernetesClient client, MigrationJobs jobs, EventListener events, WatchTiming timing) {
        this.client = client;
        this.jobs = jobs;
        this.events = events;
        this.timing = timing;
        this.api = new ApiPatience(timing.apiPatience(), notice -> events.on(new MigrationEvent.Progress(notice)));
    }

    /** Waits until the Job has succeeded; throws the matching error otherwise. */
    public JobState await(String name) {
        return await(name, () -> { });
    }

    /**
     * Waits until the Job has succeeded; throws the matching error otherwise.
     *
     * @param eachPoll runs at every poll and may end the wait by throwing (the Lease's check)
     */
    public JobState await(String name, Runnable eachPoll) {
        long started = System.nanoTime();
        long lastProgress = started;
        String lastDetail = null;
        Sighting problemSeen = new Sighting();
        Sighting stuckSeen = new Sighting();
        PodLog log = null;
        String logged = null;
        Set<String> followed = new HashSet<>();
        try {
            while (true) {
                eachPoll.run();
                Job job = api.call("read Job " + name + " in namespace " + jobs.namespace(), () -> jobs.get(name))
                        .orElseThrow(() -> new MigrateException(JobErrorCode.JOB_DELETED, "Job " + name
                                + " in namespace " + jobs.namespace() + " was deleted while waiting for it.", null,
                                null));
                Optional<Pod> pod = api.call("list the pods of Job " + name, () -> jobs.newestPod(name));
                Optional<String> refused = pod.isPresent() ? Optional.empty()
                        : api.call("read the events of Job " + name, () -> jobs.failedCreate(name));
                JobState state = JobState.of(job, pod, refused);
                if (state.started() && followed.add(state.pod().get())) {
                    if (log != null) {
                        drain(log);
                        events.on(new MigrationEvent.Progress("Pod " + logged + " ended; the Job runs the migration "
                                + "again in pod " + state.pod().get() + " (backoff limit)."));
                    }
                    logged = state.pod().get();
                    log = follow(logged);
                }
                if (state.phase() == JobState.Phase.SUCCEEDED || state.phase() == JobState.Phase.FAILED) {
                    drain(log);
                    endLingering(state);
                    if (state.phase() == JobState.Phase.SUCCEEDED) {
                        return state;
                    }
                    throw failure(state);
                }
                Duration lasted = problemSeen.see(state.problem().map(PodProblem::reason).orElse(null));
                Optional<PodProblem> fatal = state.problem().filter(problem -> givenUp(problem, lasted));
                if (fatal.isPresent()) {
                    jobs.delete(state.name());
                    throw cannotStart(fatal.get().code(), state);
                }
                refuseStuck(state.name(), pod, stuckSeen);
                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                boolean changed = !state.detail().equals(lastDetail);
                if (changed || System.nanoTime() - lastProgress >= timing.progress().toNanos()) {
                    events.on(new MigrationEvent.Progress("Waiting for Job " + name + " (" + Durations.format(waited)
                            + "): " + state.detail()));
                    lastProgress = System.nanoTime();
                    lastDetail = state.detail();
                }
                Pause.of(timing.poll(), "waiting for the Job");
            }
        } finally {
            if (log != null) {
                log.close();
            }
        }
    }

    private PodLog follow(String pod) {
        return PodLog.follow(client, jobs.namespace(), pod, events, PodLog.containerRuns(jobs, pod), timing.poll());
    }

    private boolean givenUp(PodProblem problem, Duration lasted) {
        return switch (problem.patience()) {
            case NONE -> true;
            case IMAGE_PULL -> lasted.compareTo(timing.pullGrace()) >= 0;
            case START -> lasted.compareTo(timing.startTimeout()) >= 0;
        };
    }

    /** A pod that stays terminating or Unknown (its node is lost) must not hold the wait until the deadline. */
    private void refuseStuck(String job, Optional<Pod> newest, Sighting stuckSeen) {
        Optional<Pod> stuck = newest.filter(pod -> pod.getMetadata().getDeletionTimestamp() != null
                || "Unknown".equals(PodStatuses.phase(pod)));
        Duration lasted = stuckSeen.see(stuck.map(pod -> pod.getMetadata().getName()).orElse(null));
        if (stuck.isEmpty() || lasted.compareTo(timing.stuckGrace()) < 0) {
            return;
        }
        Pod pod = stuck.get();
        String node = Optional.ofNullable(pod.getSpec().getNodeName()).orElse("its node");
        throw new MigrateException(CoreErrorCode.REMOTE_FAILED, "Pod " + pod.getMetadata().getName() + " of Job "
                + job + " has been " + (pod.getMetadata().getDeletionTimestamp() != null ? "terminating"
                        : "in phase Unknown") + " for " + Durations.format(lasted) + ": " + node + " no longer "
                + "answers, so the migration's outcome is unknown.", "Check the node (`kubectl get node " + node
                + "`). Run `opta-migrate status` against the database before you run the migration again; the "
                + "migration lock keeps a second run out while the first still holds it.", null);
    }

    /** Ends a Job whose migration ended while injected sidecars keep its pod running. */
    private void endLingering(JobState state) {
        if (state.lingering().isEmpty()) {
            return;
        }
        jobs.delete(state.name());
        events.on(new MigrationEvent.Warning("Container " + MigrationJobFactory.CONTAINER + " ended, but "
                + String.join(", ", state.lingering()) + " kept pod " + state.pod().orElse("?") + " running (an "
                + "injected service-mesh sidecar), so Job " + state.name() + " would never complete; it was deleted. "
                + "Keep sidecars out of migration pods: see \"Service meshes\" in the README."));
    }

    /** The error for a Job that failed: past its deadline, or its container's own failure. */
    private MigrateException failure(JobState state) {
        String where = "Job " + state.name() + " in namespace " + jobs.namespace();
        if (state.failure().orElse(CoreErrorCode.REMOTE_FAILED) == JobErrorCode.DEADLINE_EXCEEDED) {
            return new MigrateException(JobErrorCode.DEADLINE_EXCEEDED, where
                    + " ran past its deadline and was stopped ("
                    + state.detail() + ").", null, null);
        }
        String logs = "`opta-migrate job logs " + state.name() + " --namespace " + jobs.namespace() + "`";
        return MigrateException.remoteFailure(state.exitCode().orElse(-1), where + " failed" + state.exitCode()
                .map(exit -> ": its container exited with code " + exit).orElse("") + " (" + state.detail() + ").",
                state.detail().contains("OOMKilled") ? "Raise the memory limit of the Deployment's container (the Job "
                        + "copies its resources), or give the migration less to hold in memory."
                        : "Read its output above or with " + logs + "; the migration tool's own error says what "
                        + "to fix.");
    }

    /** The error for a Job whose pod cannot start, once the caller has deleted it so that it cannot run later. */
    private MigrateException cannotStart(ErrorCode code, JobState state) {
        return new MigrateException(code, "Job " + state.name() + " in namespace " + jobs.namespace() + " cannot "
                + "start: " + state.detail() + ". The Job was deleted, so it will not start later.", null, null);
    }

    private static void drain(PodLog log) {
        if (log != null) {
            log.awaitEnd(LOG_DRAIN);
            log.close();
        }
    }
}
