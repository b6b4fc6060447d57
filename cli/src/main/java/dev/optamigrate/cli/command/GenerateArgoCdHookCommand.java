package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.strategy.job.manifest.KubernetesManifests;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;

/** An Argo CD PreSync hook. */
@Command(name = "argocd-hook", description = {
    "A Job that Argo CD runs before each sync (PreSync hook, generateName, deleted when it succeeded). Without "
            + "--image, the image and pod settings are copied from the service's Deployment in the cluster.",
    ""})
final class GenerateArgoCdHookCommand extends ManifestCommand {

    @Inject
    GenerateArgoCdHookCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        return write("# Put it in the application's manifests: Argo CD runs it before every sync.\n",
                KubernetesManifests.argoCdHook(specFromImageOrCluster(settings())));
    }
}
