package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.strategy.job.manifest.KubernetesManifests;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;

/** A plain batch/v1 Job. */
@Command(name = "job", description = {
    "A plain batch/v1 Job with generateName, so that each `kubectl create -f` is a new run. Without --image, the "
            + "image and pod settings are copied from the service's Deployment in the cluster.",
    ""})
final class GenerateJobCommand extends ManifestCommand {

    @Inject
    GenerateJobCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        return write("# Create it with `kubectl create -f` (not apply): generateName gives every run its own name.\n",
                KubernetesManifests.job(specFromImageOrCluster(settings())));
    }
}
