package dev.optamigrate.strategy.job;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.ExecutionReport;
import dev.optamigrate.core.spi.ExecutionStrategy;
import dev.optamigrate.core.spi.MigrationRequest;
import dev.optamigrate.kubernetes.KubernetesConnection;
import dev.optamigrate.kubernetes.ServiceCoordinates;
import dev.optamigrate.kubernetes.ServiceWorkload;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs the migration as a one-time Job: finds the service's Deployment, refuses while another migration Job of
 * the service runs, creates a Job from the Deployment's current image under a fresh name, and waits for it.
 */
final class JobStrategy implements ExecutionStrategy {
    private final Duration pollInterval;
    private final Duration progressInterval;

    JobStrategy(Duration pollInterval, Duration progressInterval) {
        this.pollInterval = pollInterval;
        this.progressInterval = progressInterval;
    }

    @Override
    public ExecutionReport execute(MigrationRequest request) {
        Settings settings = request.settings();
        ServiceCoordinates where = ServiceCoordinates.from(settings, "The job strategy");
        EventListener events = request.configuration().listener();
        try (KubernetesClient client = KubernetesConnection.open(settings)) {
            ServiceWorkload workload = ServiceWorkload.find(client, where);
            String image = settings.get(Setting.IMAGE).orElseGet(workload::image);
            MigrationJobs jobs = new MigrationJobs(client, where.namespace());
            jobs.refuseWhileRunning(where.service());
            MigrationJobSpec spec = MigrationJobSpec.from(settings, where, image, image, request.command(),
                    Optional.of(workload));
            Job job = jobs.create(spec, request.configuration().operator().orElse(null));
            String name = job.getMetadata().getName();
            events.on(new MigrationEvent.Progress("Created Job " + name + " in namespace " + where.namespace()
                    + " (" + KubernetesConnection.describe(client) + ") from Deployment " + workload.name()
                    + ", image " + image + ", running: " + String.join(" ", spec.effectiveCommand())));
            if (request.detach()) {
                events.on(new MigrationEvent.Progress("Detached. Follow it with `opta-migrate job status " + name
                        + " --namespace " + where.namespace() + " --wait` or `opta-migrate job logs " + name
                        + " --namespace " + where.namespace() + " --follow`."));
                return new ExecutionReport(JobStrategyProvider.NAME, name, null);
            }
            new JobWatcher(client, jobs, events, settings.duration(Setting.JOB_START_TIMEOUT), pollInterval,
                    progressInterval).await(name);
            events.on(new MigrationEvent.Progress("Job " + name + " succeeded."));
            return new ExecutionReport(JobStrategyProvider.NAME, name, null);
        }
    }
}
