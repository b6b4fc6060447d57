package dev.optamigrate.strategy.job;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.Durations;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;

/**
 * Waits for a migration Job's outcome: shows progress while it waits, streams the pod's log once the container
 * runs, and ends normally on success or with the error that matches the failure. A Job whose pod cannot start
 * (image, Secret, scheduling) is deleted before the error is reported, so that it cannot run later unseen.
 */
public final class JobWatcher {
    private static final Duration LOG_DRAIN = Duration.ofSeconds(10);

    private final KubernetesClient client;
    private final MigrationJobs jobs;
    private final EventListener events;
    private final Duration startTimeout;
    private final Duration pollInterval;
    private final Duration progressInterval;

    /**
     * @param startTimeout     how long the pod may stay unschedulable
     * @param pollInterval     how often the Job and its pod are read
     * @param progressInterval how often a progress line is shown while nothing changes
     */
    public JobWatcher(KubernetesClient client, MigrationJobs jobs, EventListener events, Duration startTimeout,
            Duration pollInterval, Duration progressInterval) {
        this.client = client;
        this.jobs = jobs;
        this.events = events;
        this.startTimeout = startTimeout;
        this.pollInterval = pollInterval;
        this.progressInterval = progressInterval;
    }

    /** Waits until the Job has succeeded; throws the matching error otherwise. */
    public JobState await(String name) {
        long started = System.nanoTime();
        long lastProgress = started;
        String lastDetail = null;
        PodLog log = null;
        try {
            while (true) {
                Job job = jobs.get(name).orElseThrow(() -> new MigrateException(ErrorCode.JOB_DELETED, "Job " + name
                        + " in namespace " + jobs.namespace() + " was deleted while waiting for it.", null, null));
                JobState state = JobState.of(job, jobs.newestPod(name));
                if (log == null && state.started()) {
                    log = PodLog.follow(client, jobs.namespace(), state.pod().get(), events);
                }
                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                if (state.phase() == JobState.Phase.SUCCEEDED) {
                    drain(log);
                    return state;
                }
                if (state.phase() == JobState.Phase.FAILED) {
                    drain(log);
                    throw failure(state);
                }
                if (state.failure().isPresent() && waited.compareTo(startTimeout) >= 0) {
                    throw failure(state);
                }
                boolean changed = !state.detail().equals(lastDetail);
                if (changed || System.nanoTime() - lastProgress >= progressInterval.toNanos()) {
                    events.on(new MigrationEvent.Progress("Waiting for Job " + name + " (" + Durations.format(waited)
                            + "): " + state.detail()));
                    lastProgress = System.nanoTime();
                    lastDetail = state.detail();
                }
                sleep();
            }
        } finally {
            if (log != null) {
                log.close();
            }
        }
    }

    private MigrateException failure(JobState state) {
        ErrorCode code = state.failure().orElse(ErrorCode.REMOTE_FAILED);
        String where = "Job " + state.name() + " in namespace " + jobs.namespace();
        String logs = "`opta-migrate job logs " + state.name() + " --namespace " + jobs.namespace() + "`";
        return switch (code) {
            case REMOTE_FAILED -> MigrateException.remoteFailure(state.exitCode().orElse(-1), where + " failed"
                    + state.exitCode().map(exit -> ": its container exited with code " + exit).orElse("")
                    + " (" + state.detail() + ").", "Read its output above or with " + logs + "; the migration "
                    + "tool's own error says what to fix.");
            case DEADLINE_EXCEEDED -> new MigrateException(code, where + " ran past its deadline and was stopped ("
                    + state.detail() + ").", null, null);
            default -> deleted(code, where, state);
        };
    }

    /** A pod that cannot start: the Job is deleted so that it cannot run later, after the failure was reported. */
    private MigrateException deleted(ErrorCode code, String where, JobState state) {
        jobs.delete(state.name());
        return new MigrateException(code, where + " cannot start: " + state.detail() + ". The Job was deleted, "
                + "so it will not start later.", null, null);
    }

    private static void drain(PodLog log) {
        if (log != null) {
            log.awaitEnd(LOG_DRAIN);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MigrateException(ErrorCode.INTERNAL, "Interrupted while waiting for the Job.", null);
        }
    }
}
