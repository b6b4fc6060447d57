package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.strategy.job.manifest.OptaManifest;
import dev.optamigrate.strategy.job.manifest.OptaManifests;
import jakarta.inject.Inject;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Opta manifests for the one-time Job. */
@Command(name = "opta", description = {
    "The Opta manifest that runs the migration as a one-time Job through Opta's helm-chart module: the service's "
            + "manifest with the Job added (default), or with --new-manifest a separate manifest that reads the "
            + "service's image from its state (external-state module). Each run needs a new value of the "
            + "migration_run input variable.",
    ""})
final class GenerateOptaCommand extends ManifestCommand {
    /** The Opta environment a manifest names when --environment is not given. */
    private static final String DEFAULT_ENVIRONMENT = "staging";

    @Option(names = "--new-manifest", description = "A separate migration manifest (the Opta guide's recommended "
            + "variant) instead of the service's own.")
    boolean newManifest;

    @Option(names = "--state-bucket", paramLabel = "BUCKET", description = "With --new-manifest: the S3 bucket of "
            + "the service's Opta state.")
    String stateBucket;

    @Option(names = "--state-region", paramLabel = "REGION", description = "With --new-manifest: its region.")
    String stateRegion;

    @Option(names = "--state-key", paramLabel = "KEY", description = "With --new-manifest: the state's key "
            + "(default: the service's name).")
    String stateKey;

    @Option(names = "--environment-path", paramLabel = "FILE", defaultValue = "./staging.yaml",
            description = "Path of the environment's manifest (default: ${DEFAULT-VALUE}).")
    String environmentPath;

    @Option(names = "--app-module", paramLabel = "NAME", defaultValue = "app",
            description = "Name of the service's k8s-service module (default: ${DEFAULT-VALUE}).")
    String appModule;

    @Option(names = "--db-module", paramLabel = "NAME", defaultValue = "db",
            description = "Name of the service's postgres module (default: ${DEFAULT-VALUE}).")
    String dbModule;

    @Inject
    GenerateOptaCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        Settings settings = settings();
        var spec = specWithImage(settings, "from the module outputs");
        Optional<OptaManifests.State> state = newManifest ? Optional.of(new OptaManifests.State(stateBucket,
                stateKey == null ? spec.where().service() : stateKey, stateRegion)) : Optional.empty();
        OptaManifest manifest = OptaManifests.build(new OptaManifests.Request(spec, appModule, dbModule,
                new OptaManifest.Environment(settings.get(CoreSetting.ENVIRONMENT).orElse(DEFAULT_ENVIRONMENT),
                        environmentPath), state));
        return write(OptaManifests.header(newManifest ? "migration.yaml" : "opta.yaml"), manifest);
    }
}
