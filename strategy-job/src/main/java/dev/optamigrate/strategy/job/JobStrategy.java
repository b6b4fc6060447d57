package dev.optamigrate.strategy.job;

import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.policy.RunLabels;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.ExecutionReport;
import dev.optamigrate.core.spi.ExecutionStrategy;
import dev.optamigrate.core.spi.MigrationRequest;
import dev.optamigrate.kubernetes.ImageReference;
import dev.optamigrate.kubernetes.KubernetesConnection;
import dev.optamigrate.kubernetes.KubernetesSetting;
import dev.optamigrate.kubernetes.MigrationLease;
import dev.optamigrate.kubernetes.RunStory;
import dev.optamigrate.kubernetes.RunningImages;
import dev.optamigrate.kubernetes.ServiceCoordinates;
import dev.optamigrate.kubernetes.ServiceWorkload;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs the migration as a one-time Job: finds the service's Deployment, takes the service's migration Lease,
 * refuses while another migration Job of the service runs, creates a Job from the Deployment's current image
 * under a fresh name, and waits for it. The Lease is released when the wait ends, whatever its outcome; a Lease
 * lost meanwhile ends the wait.
 */
final class JobStrategy implements ExecutionStrategy {
    private final Function<Duration, WatchTiming> timing;

    /** @param timing how the Job is watched, given the start timeout */
    JobStrategy(Function<Duration, WatchTiming> timing) {
        this.timing = timing;
    }

    @Override
    public ExecutionReport execute(MigrationRequest request) {
        Settings settings = request.settings();
        EventListener events = request.configuration().listener();
        ServiceCoordinates where = ServiceCoordinates.from(settings, "The job strategy");
        request.configuration().checkRunPolicy();
        settings.get(JobSetting.IMAGE).ifPresent(image -> ImageReference.requireValid(image, "The image (from "
                + settings.sourceOf(JobSetting.IMAGE) + ")"));
        try (KubernetesClient client = KubernetesConnection.open(settings)) {
            ServiceWorkload workload = ServiceWorkload.find(client, where);
            String image = settings.get(JobSetting.IMAGE).orElseGet(workload::image);
            MigrationJobs jobs = new MigrationJobs(client, where.namespace());
            String holder = MigrationLease.identity(request.configuration().operator().orElse(null),
                    JobStrategyProvider.NAME);
            try (MigrationLease lease = MigrationLease.acquire(client, where.namespace(), where.service(), holder,
                    notice -> events.on(new MigrationEvent.Progress(notice)))) {
                jobs.refuseWhileRunning(where.service());
                Map<String, Integer> running = RunningImages.of(client, workload, where.container());
                events.on(new MigrationEvent.Progress("Releases serving traffic, for the contract gate: "
                        + RunningImages.describe(running) + "."));
                MigrationJobSpec spec = MigrationJobSpec.from(settings, where, image, image, request.command(),
                        Optional.of(workload)).withRunning(running);
                Job job = jobs.create(spec, request.configuration().operator().orElse(null));
                events.on(new MigrationEvent.Progress(announce(client, job, workload, spec)));
                RunStory story = RunStory.about(client, job, events);
                story.started(MigrationLease.identity(request.configuration().operator().orElse(null),
                        JobStrategyProvider.NAME) + " started the migration in Job " + job.getMetadata().getName()
                        + ", image " + spec.containerImage(), RunLabels.from(settings));
                MigrationJobFactory.notCopied(workload).ifPresent(note -> events.on(new MigrationEvent.Progress(
                        note)));
                return follow(client, jobs, request, job.getMetadata().getName(), lease, story);
            }
        }
    }

    private static String announce(KubernetesClient client, Job job, ServiceWorkload workload,
            MigrationJobSpec spec) {
        String name = job.getMetadata().getName();
        return "Created Job " + name + " in namespace " + spec.where().namespace() + " (" + KubernetesConnection
                .describe(client) + ") from Deployment " + workload.name() + ", image " + spec.containerImage()
                + spec.migrator().map(migrator -> " on the migrations copied from " + migrator.migrationsPath()
                        + " in " + spec.image()).orElse("") + ", running: "
                + String.join(" ", spec.effectiveCommand());
    }

    private ExecutionReport follow(KubernetesClient client, MigrationJobs jobs, MigrationRequest request,
            String name, MigrationLease lease, RunStory story) {
        EventListener events = request.configuration().listener();
        String namespace = jobs.namespace();
        String followIt = "`opta-migrate job status " + name + " --namespace " + namespace + " --wait`";
        if (request.detach()) {
            events.on(new MigrationEvent.Progress("Detached. Follow it with " + followIt + " or `opta-migrate job "
                    + "logs " + name + " --namespace " + namespace + " --follow`."));
            return new ExecutionReport(JobStrategyProvider.NAME, name, null);
        }
        try {
            new JobWatcher(client, jobs, events,
                    timing.apply(request.settings().duration(KubernetesSetting.JOB_START_TIMEOUT)))
                    .await(name, () -> lease.check("Job " + name + " may still be running: follow it with "
                            + followIt + "."));
        } catch (MigrateException failure) {
            story.failed(failure);
            throw failure;
        }
        story.succeeded("Job " + name + " succeeded.");
        events.on(new MigrationEvent.Progress("Job " + name + " succeeded."));
        return new ExecutionReport(JobStrategyProvider.NAME, name, null);
    }
}
