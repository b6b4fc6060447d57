package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.strategy.job.manifest.KubernetesManifests;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;

/** The Role the CLI needs. */
@Command(name = "rbac", description = {
    "The Role the CLI needs in the service's namespace for `migrate --strategy job` and `job status|logs`. It "
            + "grants nothing on Secrets: the Job only refers to them.",
    ""})
final class GenerateRbacCommand extends ManifestCommand {

    @Inject
    GenerateRbacCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        String namespace = ClusterSettings.namespace(settings());
        return write("# Bind it to whoever runs opta-migrate, e.g.\n#   kubectl create rolebinding opta-migrate "
                + "--role " + KubernetesManifests.ROLE + " --user USER --namespace " + namespace + "\n",
                KubernetesManifests.role(namespace));
    }
}
