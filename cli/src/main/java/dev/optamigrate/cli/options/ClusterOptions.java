package dev.optamigrate.cli.options;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.settings.SettingsLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the verbs that only talk to Kubernetes: where the service is, and the config file. */
public final class ClusterOptions {
    @Mixin
    KubernetesOptions kubernetes;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: opta-migrate.yaml in the "
            + "working directory, when present).")
    Path config;

    /** Settings from these flags and the extra ones, the environment and the config file. */
    public Settings settings(CliEnvironment environment, Map<Setting, String> extra) {
        Map<Setting, String> flags = new HashMap<>();
        kubernetes.addTo(flags);
        flags.putAll(extra);
        return SettingsLoader.load(flags, environment.variables(),
                Optional.ofNullable(config).map(path -> environment.workingDir().resolve(path)),
                environment.workingDir());
    }
}
