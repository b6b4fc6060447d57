package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.kubernetes.KubernetesSetting;
import dev.optamigrate.strategy.job.manifest.StrategyRoles;
import jakarta.inject.Inject;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The Role the CLI needs for a strategy. */
@Command(name = "rbac", description = {
    "The Role the CLI needs in the service's namespace for one strategy:",
    "  job       migrate --strategy job, job status|logs, guard; nothing on Secrets (the Job only refers to them)",
    "  shell     migrate --strategy shell: read the Deployment and its pods, exec, hold the Lease",
    "  external  --credentials-from-cluster and --tunnel: get the one Secret named by --secret, run the tunnel "
            + "pod and port-forward to it, read the Deployment and its pods (the releases serving traffic)",
    ""})
final class GenerateRbacCommand extends ManifestCommand {
    @Option(names = "--for", paramLabel = "STRATEGY", defaultValue = "job",
            description = "The strategy: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Strategy strategy;

    /** The strategies that talk to Kubernetes, as users type them. */
    enum Strategy { job, shell, external }

    @Inject
    GenerateRbacCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        Settings settings = settings();
        String namespace = ClusterSettings.namespace(settings);
        StrategyRoles role = StrategyRoles.valueOf(strategy.name().toUpperCase(Locale.ROOT));
        return write("# Bind it to whoever runs opta-migrate, e.g.\n#   kubectl create rolebinding " + role.roleName()
                + " --role " + role.roleName() + " --user USER --namespace " + namespace + "\n",
                role.role(namespace, settings.require(KubernetesSetting.SECRET)));
    }
}
