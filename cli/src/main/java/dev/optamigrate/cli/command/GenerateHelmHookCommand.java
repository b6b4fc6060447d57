package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.strategy.job.MigrationJobSpec;
import dev.optamigrate.strategy.job.manifest.KubernetesManifests;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;

/** A Helm pre-install/pre-upgrade hook. */
@Command(name = "helm-hook", description = {
    "A Job template that Helm runs before install and upgrade, named per release revision. The image is "
            + KubernetesManifests.HELM_IMAGE + " unless --image is given.",
    ""})
final class GenerateHelmHookCommand extends ManifestCommand {

    @Inject
    GenerateHelmHookCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        MigrationJobSpec hook = specWithImage(settings(), KubernetesManifests.HELM_IMAGE);
        return write("# Put it in the chart's templates/. The Secret it refers to must exist before the hook runs:\n"
                + "# create it outside the chart, or as a hook with a lower weight.\n"
                + "# Helm waits for a hook only as long as its --timeout (5m by default): give helm install and\n"
                + "# helm upgrade --timeout " + hook.deadline().toSeconds() + "s (the Job's deadline) or more.\n",
                KubernetesManifests.helmHook(hook));
    }
}
