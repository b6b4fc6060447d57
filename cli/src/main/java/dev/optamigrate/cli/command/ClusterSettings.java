package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.settings.SettingsLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Settings for the verbs that only talk to Kubernetes: flags over the environment over the config file. */
final class ClusterSettings {
    private ClusterSettings() {
    }

    static Settings load(CliEnvironment environment, Map<Setting, String> flags, Optional<Path> config) {
        return SettingsLoader.load(flags, environment.variables(),
                config.map(path -> environment.workingDir().resolve(path)), environment.workingDir());
    }

    /** The namespace: --namespace, else the service's name (Opta's convention). */
    static String namespace(Settings settings) {
        return settings.get(Setting.NAMESPACE).or(() -> settings.get(Setting.SERVICE)).orElseThrow(() ->
                new MigrateException(ErrorCode.CONFIGURATION, "No namespace: give --namespace NAME, or --service NAME "
                        + "(Opta names the namespace after the service).", null, null));
    }
}
