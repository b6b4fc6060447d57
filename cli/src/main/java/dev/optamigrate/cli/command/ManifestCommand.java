package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.ClusterOptions;
import dev.optamigrate.cli.options.JobOptions;
import dev.optamigrate.cli.options.RunOptions;
import dev.optamigrate.cli.options.SourceOptions;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.kubernetes.ImageReference;
import dev.optamigrate.kubernetes.KubernetesConnection;
import dev.optamigrate.kubernetes.ServiceCoordinates;
import dev.optamigrate.kubernetes.ServiceWorkload;
import dev.optamigrate.strategy.job.JobSetting;
import dev.optamigrate.strategy.job.MigrationJobSpec;
import dev.optamigrate.strategy.job.manifest.ManifestYaml;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the `generate` verbs share: the service, the Job's settings and command, and writing YAML with a
 * comment above it.
 */
abstract class ManifestCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Mixin
    JobOptions job;

    @Mixin
    SourceOptions source;

    @Mixin
    RunOptions run;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "After --: the command the Job runs instead of `opta-migrate migrate`.")
    List<String> command = new ArrayList<>();

    @Spec
    CommandSpec spec;

    final CliEnvironment environment;

    ManifestCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    Settings settings() {
        Map<Setting, String> flags = new HashMap<>();
        job.addTo(flags);
        source.addTo(flags);
        run.addTo(flags);
        return cluster.settings(environment, flags);
    }

    /**
     * The Job's spec. With --image it is made offline; without, the image and the pod settings are copied from
     * the service's Deployment in the cluster.
     */
    MigrationJobSpec specFromImageOrCluster(Settings settings) {
        ServiceCoordinates where = ServiceCoordinates.from(settings, "generate");
        Optional<String> image = settings.get(JobSetting.IMAGE).map(given -> ImageReference.requireValid(given,
                "The image (from " + settings.sourceOf(JobSetting.IMAGE) + ")"));
        if (image.isPresent()) {
            return MigrationJobSpec.from(settings, where, image.get(), null, command, Optional.empty());
        }
        try (KubernetesClient client = KubernetesConnection.open(settings)) {
            ServiceWorkload workload = ServiceWorkload.find(client, where);
            return MigrationJobSpec.from(settings, where, workload.image(), null, command, Optional.of(workload));
        }
    }

    /**
     * A spec whose image is an expression of the deployment tool, never read from the cluster. A given --image is
     * an image reference or such an expression ({@code {{ ... }}}).
     */
    MigrationJobSpec specWithImage(Settings settings, String defaultImage) {
        Optional<String> image = settings.get(JobSetting.IMAGE).map(given -> given.contains("{{") ? given
                : ImageReference.requireValid(given, "The image (from " + settings.sourceOf(JobSetting.IMAGE) + ")"));
        return MigrationJobSpec.from(settings, ServiceCoordinates.from(settings, "generate"),
                image.orElse(defaultImage), null, command, Optional.empty());
    }

    Integer write(String comment, Object manifest) {
        var out = spec.commandLine().getOut();
        out.print(comment);
        out.print(ManifestYaml.write(manifest));
        out.flush();
        return 0;
    }
}
