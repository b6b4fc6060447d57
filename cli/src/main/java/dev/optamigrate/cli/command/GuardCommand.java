package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.ClusterOptions;
import dev.optamigrate.cli.options.OutputOptions;
import dev.optamigrate.cli.output.Json;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.kubernetes.KubernetesConnection;
import dev.optamigrate.kubernetes.MigrationLease;
import dev.optamigrate.kubernetes.ServiceCoordinates;
import dev.optamigrate.strategy.job.MigrationJobs;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The step a deploy pipeline runs first: is a migration of the service running? */
@Command(name = "guard", description = {
    "Check that no migration of the service is running, as the first step of a deploy pipeline: exits 0 when "
            + "free, and 12 (MIGRATION_IN_PROGRESS) naming the holder when the service's migration Lease "
            + "(opta-migrate-<service>) is held or a migration Job of the service has not finished.",
    "",
    "A Lease that records a holder is watched for up to its duration (60 s): a holder that renews it holds it; "
            + "one that does not is gone, and its Lease has expired. This machine's clock is never compared with "
            + "the holder's.",
    "",
    "JSON (--output json): {\"free\": true, \"service\", \"namespace\"}; when held, the error object.",
    "",
    "Example: opta-migrate guard --service my-service && opta deploy ...",
    ""})
public final class GuardCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;

    @Inject
    GuardCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Settings settings = cluster.settings(environment, Map.of());
        ServiceCoordinates where = ServiceCoordinates.from(settings, "guard");
        try (KubernetesClient client = KubernetesConnection.open(settings)) {
            MigrationLease.refuseIfHeld(client, where.namespace(), where.service(),
                    spec.commandLine().getErr()::println);
            new MigrationJobs(client, where.namespace()).refuseWhileRunning(where.service());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.write(Json.object().put("free", true).put("service", where.service())
                    .put("namespace", where.namespace())));
        } else {
            out.println("No migration of service " + where.service() + " is running in namespace "
                    + where.namespace() + ".");
        }
        return 0;
    }
}
