package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.ClusterOptions;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.kubernetes.KubernetesConnection;
import dev.optamigrate.kubernetes.KubernetesNames;
import dev.optamigrate.strategy.job.JobLogs;
import dev.optamigrate.strategy.job.MigrationJobs;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a migration Job's log. */
@Command(name = "logs", description = {
    "Print the log of a migration Job's container; with --follow, until it ends.",
    "",
    "Example: opta-migrate job logs shop-migrate-k3x9q2ab --service shop --follow",
    ""})
public final class JobLogsCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(names = {"-f", "--follow"}, description = "Keep printing until the container ends.")
    boolean follow;

    @Parameters(paramLabel = "NAME", description = "The Job's name.")
    String name;

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;

    @Inject
    JobLogsCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Settings settings = cluster.settings(environment, Map.of());
        PrintWriter out = spec.commandLine().getOut();
        String namespace = ClusterSettings.namespace(settings);
        KubernetesNames.subdomain(name, "The Job's name");
        try (KubernetesClient client = KubernetesConnection.open(settings)) {
            JobLogs.read(client, new MigrationJobs(client, namespace), name, follow, line -> {
                out.println(line);
                out.flush();
            });
        }
        return 0;
    }
}
