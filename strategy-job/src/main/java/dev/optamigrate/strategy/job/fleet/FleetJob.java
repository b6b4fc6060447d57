package dev.optamigrate.strategy.job.fleet;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.MigrationRequest;
import dev.optamigrate.kubernetes.ImageReference;
import dev.optamigrate.kubernetes.KubernetesConnection;
import dev.optamigrate.kubernetes.MigrationLease;
import dev.optamigrate.kubernetes.RunningImages;
import dev.optamigrate.kubernetes.ServiceCoordinates;
import dev.optamigrate.kubernetes.ServiceWorkload;
import dev.optamigrate.strategy.job.JobSetting;
import dev.optamigrate.strategy.job.MigrationJobFactory;
import dev.optamigrate.strategy.job.MigrationJobSpec;
import dev.optamigrate.strategy.job.MigrationJobs;
import dev.optamigrate.strategy.job.WatchTiming;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a fleet as one Indexed Job of the service: takes the service's migration Lease, refuses while another
 * migration Job of the service runs, creates the Job from the Deployment's current image (each pod runs the shard
 * of its completion index), and follows it shard by shard until it ends. The Lease is released when the wait ends.
 */
public final class FleetJob {
    private static final String STRATEGY = "job";

    private FleetJob() {
    }

    /**
     * @param request the fleet command each pod runs ({@code command}), the settings, and who runs it
     * @return the Job and each shard's outcome; with {@code detach}, the Job as soon as it exists, without shards
     */
    public static FleetJobResult run(MigrationRequest request, FleetJobPlan plan, WatchTiming timing) {
        Settings settings = request.settings();
        EventListener events = request.configuration().listener();
        ServiceCoordinates where = ServiceCoordinates.from(settings, "fleet migrate --strategy job");
        request.configuration().checkRunPolicy();
        settings.get(JobSetting.IMAGE).ifPresent(image -> ImageReference.requireValid(image, "The image (from "
                + settings.sourceOf(JobSetting.IMAGE) + ")"));
        String operator = request.configuration().operator().orElse(null);
        try (KubernetesClient client = KubernetesConnection.open(settings)) {
            ServiceWorkload workload = ServiceWorkload.find(client, where);
            String image = settings.get(JobSetting.IMAGE).orElseGet(workload::image);
            MigrationJobs jobs = new MigrationJobs(client, where.namespace());
            try (MigrationLease lease = MigrationLease.acquire(client, where.namespace(), where.service(),
                    MigrationLease.identity(operator, STRATEGY), notice -> events.on(new MigrationEvent.Progress(
                            notice)))) {
                jobs.refuseWhileRunning(where.service());
                MigrationJobSpec spec = spec(settings, where, image, request.command(), workload, plan)
                        .withRunning(RunningImages.of(client, workload, where.container()));
                Job job = jobs.create(spec, operator, built -> IndexedJob.indexed(built, plan.fleetRun(),
                        plan.shards(), plan.parallelism()));
                String name = job.getMetadata().getName();
                events.on(new MigrationEvent.Progress("Created Indexed Job " + name + " in namespace "
                        + where.namespace() + " (" + KubernetesConnection.describe(client) + ") from Deployment "
                        + workload.name() + ", image " + spec.containerImage() + ": " + plan.shards() + " shards, "
                        + job.getSpec().getParallelism() + " at a time, each running: "
                        + String.join(" ", spec.effectiveCommand())));
                MigrationJobFactory.notCopied(workload).ifPresent(note -> events.on(new MigrationEvent.Progress(
                        note)));
                if (request.detach()) {
                    return new FleetJobResult(name, where.namespace(), List.of());
                }
                return new FleetJobResult(name, where.namespace(), new ShardWatcher(client, jobs, events, timing)
                        .await(name, plan.shards(), () -> lease.check("Job " + name + " may still be running: "
                                + "follow it with `kubectl get job " + name + " --namespace " + where.namespace()
                                + "`.")));
            }
        }
    }

    private static MigrationJobSpec spec(Settings settings, ServiceCoordinates where, String image,
            List<String> command, ServiceWorkload workload, FleetJobPlan plan) {
        MigrationJobSpec spec = MigrationJobSpec.from(settings, where, image, image, command, Optional.of(workload));
        for (Map.Entry<String, String> variable : plan.variables().entrySet()) {
            spec = spec.withVariable(variable.getKey(), variable.getValue());
        }
        return spec;
    }
}
